/** Carillon pbx. */
package org.carillon.pbx;
