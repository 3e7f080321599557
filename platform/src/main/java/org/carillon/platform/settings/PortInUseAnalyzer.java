package org.carillon.platform.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;

/** The HTTP port is taken: one line naming the setting to change. */
public final class PortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("HTTP port " + cause.getPort() + " is already in use",
                "stop the other program or set CARILLON_PBX_HTTP_PORT / CARILLON_PORTAL_HTTP_PORT", cause);
    }
}
