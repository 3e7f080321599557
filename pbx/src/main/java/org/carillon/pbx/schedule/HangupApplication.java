package org.carillon.pbx.schedule;

import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.springframework.stereotype.Component;

/**
 * The {@code hangup} destination of schedule actions and profile rules: target {@code busy} refuses the caller with
 * 486 Busy Here (the phone plays its busy tone, RFC 3261 §21.4.23), an empty target with 480 Temporarily
 * Unavailable. Runs on the call's executor.
 */
@Component
public class HangupApplication implements CallApplication {

    @Override
    public Destination.Type type() {
        return Destination.Type.HANGUP;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        caller.hangUp(destination.target().equals("busy") ? 486 : 480);
    }
}
