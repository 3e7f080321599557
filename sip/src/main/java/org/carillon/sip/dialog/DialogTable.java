package org.carillon.sip.dialog;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.carillon.sip.message.SipRequest;

/**
 * The live dialogs by id, so an in-dialog request can find its dialog (and a request naming an
 * unknown dialog gets 481, §12.2.2). Thread-safe; the dialogs themselves are not.
 */
public final class DialogTable {

    private final ConcurrentMap<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();

    /** Adds a dialog. @throws IllegalStateException if one with this id exists */
    public void add(Dialog dialog) {
        if (dialogs.putIfAbsent(dialog.id(), dialog) != null) {
            throw new IllegalStateException("dialog exists: " + dialog.id());
        }
    }

    public Optional<Dialog> find(DialogId id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    /** The dialog an incoming request with a To tag belongs to. */
    public Optional<Dialog> findFor(SipRequest request) {
        return find(DialogId.ofIncoming(request));
    }

    public void remove(DialogId id) {
        dialogs.remove(id);
    }

    public int size() {
        return dialogs.size();
    }
}
