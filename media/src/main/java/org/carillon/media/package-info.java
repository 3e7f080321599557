/** Carillon media. */
package org.carillon.media;
