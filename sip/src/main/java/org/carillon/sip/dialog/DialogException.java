package org.carillon.sip.dialog;

import java.io.Serial;

/** A message cannot create or update a dialog (missing tag or Contact, wrong status). */
public final class DialogException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DialogException(String message) {
        super(message);
    }
}
