/** Recording a leg's incoming audio to WAV, off the event loop, losing at most the last second on a crash. */
package org.carillon.media.record;
