/** Carillon portal. */
package org.carillon.portal;
