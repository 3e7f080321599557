package org.carillon.pbx.call;

/** A recording could not be written (disk full, permissions): its partial file is removed. */
public final class RecordingFailedException extends RuntimeException {

    public RecordingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
