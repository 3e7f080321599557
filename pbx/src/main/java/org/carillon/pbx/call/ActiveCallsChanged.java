package org.carillon.pbx.call;

/** Published (as a Spring event, on the call's executor) whenever a live call starts, changes state or ends. */
public record ActiveCallsChanged(ActiveCall call) {
}
