/**
 * The SIP stack facade: wires transport, parser, transactions and the application's handler, and
 * decides on which executor application code runs (never a Netty event loop).
 */
package org.carillon.sip.stack;
