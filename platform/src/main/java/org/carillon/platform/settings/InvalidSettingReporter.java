package org.carillon.platform.settings;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints a start-up failure as one line on standard error: {@code carillon: invalid setting CARILLON_SIP_PORT: …}.
 * Spring's own multi-line reporter is silenced in each app's {@code application.yml}.
 */
public final class InvalidSettingReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println("carillon: " + analysis.getDescription()
                + (analysis.getAction() == null || analysis.getAction().isBlank() ? "" : " — " + analysis.getAction()));
        System.err.flush();
    }
}
