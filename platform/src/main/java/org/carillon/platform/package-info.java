/** Carillon platform. */
package org.carillon.platform;
