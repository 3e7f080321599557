package org.carillon.pbx.team;

import org.carillon.media.play.AudioSource;
import org.carillon.media.play.TonePlan;
import org.carillon.media.play.ToneSource;
import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent feature codes ({@code agent_code} destinations): {@code *45} ({@code login}) logs the calling agent in
 * (ready) or out; {@code *46} ({@code break}) puts it on break (no aux code) or back to ready. The caller hears two
 * rising beeps when it is now ready, one low beep otherwise, and a fast busy tone when it is no agent or the change
 * is not allowed; then the PBX hangs up.
 */
@Component
public class AgentCodeApplication implements CallApplication {
    private static final TonePlan READY = new TonePlan(List.of(new TonePlan.Segment(800, 0, 150),
            new TonePlan.Segment(0, 0, 80), new TonePlan.Segment(1200, 0, 250)), false, -12);
    private static final TonePlan NOT_READY = new TonePlan(List.of(new TonePlan.Segment(500, 0, 400)), false, -12);
    private static final TonePlan REFUSED = new TonePlan(List.of(new TonePlan.Segment(425, 0, 250),
            new TonePlan.Segment(0, 0, 250), new TonePlan.Segment(425, 0, 250)), false, -12);

    private final AgentService agents;

    public AgentCodeApplication(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.AGENT_CODE;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        TonePlan tone;
        Optional<Agent> agent = agents.find(caller.tenantId(), caller.caller());
        if (agent.isEmpty()) {
            tone = REFUSED;
        } else {
            AgentState now = agent.get().pending().orElse(agent.get().state());
            AgentState target = destination.target().equals("break")
                    ? (now == AgentState.BREAK ? AgentState.READY : AgentState.BREAK)
                    : (now == AgentState.LOGGED_OUT ? AgentState.READY : AgentState.LOGGED_OUT);
            try {
                Agent after = agents.request(caller.tenantId(), caller.caller(), target, Optional.empty(), "phone");
                tone = after.pending().orElse(after.state()) == AgentState.READY ? READY : NOT_READY;
            } catch (AgentStateException refused) {
                tone = REFUSED;
            }
        }
        caller.answer();
        try {
            caller.play(List.<AudioSource>of(new ToneSource(tone))).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // hang up anyway
        }
        caller.hangUp(200);
    }
}
