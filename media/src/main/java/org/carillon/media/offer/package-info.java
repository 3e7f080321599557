/** RFC 3264 offer/answer for one audio stream: codec choice, telephone-event, hold, ptime, o= versions. */
package org.carillon.media.offer;
