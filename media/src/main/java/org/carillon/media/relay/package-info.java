/** The media threads and ports ({@link org.carillon.media.relay.MediaEngine}) and the two-leg relay. */
package org.carillon.media.relay;
