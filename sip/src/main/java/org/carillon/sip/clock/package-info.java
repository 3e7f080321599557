/**
 * Time for the SIP stack: the {@link org.carillon.sip.clock.SipScheduler} seam, a production
 * implementation on a hashed wheel and a manual one for tests.
 */
package org.carillon.sip.clock;
