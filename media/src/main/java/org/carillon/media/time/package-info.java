/** The injected clock and timers every media timer goes through (a manual one for tests). */
package org.carillon.media.time;
