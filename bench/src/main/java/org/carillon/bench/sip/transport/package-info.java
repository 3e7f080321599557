/** Load drivers for the SIP transport and transaction layers (run with SIPp, see bench/sip-options.sh). */
package org.carillon.bench.sip.transport;
