/** Carillon bench. */
package org.carillon.bench;
