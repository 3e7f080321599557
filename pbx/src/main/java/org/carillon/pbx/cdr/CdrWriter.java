package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores every finished call as it ends (on the call's own virtual thread, committed before the call is gone), so a
 * restart loses no history of calls already over.
 */
@Component
public class CdrWriter {
    private static final Logger log = LoggerFactory.getLogger(CdrWriter.class);
    private final CdrStore store;

    public CdrWriter(CdrStore store) {
        this.store = store;
    }

    @EventListener
    public void onEnded(CallRecord record) {
        try {
            store.insert(record);
        } catch (RuntimeException e) {
            log.error("call {} not written to the history", record.id(), e);
        }
    }
}
