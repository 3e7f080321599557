/** Carillon sip. */
package org.carillon.sip;
