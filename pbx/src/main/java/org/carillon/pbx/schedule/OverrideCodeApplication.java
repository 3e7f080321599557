package org.carillon.pbx.schedule;

import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.Prompts;
import org.carillon.media.wav.AudioClip;
import org.carillon.media.wav.WavReader;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.Extension;
import org.carillon.pbx.extension.ExtensionStore;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The schedule override dial code ({@code schedule_code} destinations; {@code *28} by default, see
 * {@link OverrideCode} for the digits): forces the tenant's global schedule open or closed until a time, or lifts the
 * override — the same change as {@code PUT /api/v1/schedule/override}, audited the same way with the phone as its
 * source. Only a caller whose user holds {@link Permission#SCHEDULES} may do it; others hear "You may not change the
 * office schedule" and get 403. Digits of no known form get "That code is not valid" and 404. On success the PBX
 * answers, says the new state ("The office is now closed until 1 8 0 0", local time; "The office schedule applies
 * again") and hangs up.
 *
 * <p>Runs on the call's executor (a virtual thread; the change is a short database write).
 */
@Component
public class OverrideCodeApplication implements CallApplication {
    private static final long LONGEST_MS = 15_000;
    private final ScheduleService schedules;
    private final ExtensionStore extensions;
    private final TenantDirectory tenants;
    private final Clock clock;

    public OverrideCodeApplication(ScheduleService schedules, ExtensionStore extensions, TenantDirectory tenants,
                                   Clock clock) {
        this.schedules = schedules;
        this.extensions = extensions;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.SCHEDULE_CODE;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        Optional<Tenant> tenant = tenants.findById(caller.tenantId());
        Optional<Extension> who = tenant.flatMap(t -> extensions.find(t.id(), caller.caller()));
        if (who.isEmpty() || !Permission.SCHEDULES.grants(who.get().role())) {
            refuse(caller, "schedule-not-allowed", 403);
            return;
        }
        Tenant t = tenant.get();
        var request = OverrideCode.parse(destination.target(), clock.instant(), t.timeZone());
        if (request.isEmpty()) {
            refuse(caller, "schedule-invalid-code", 404);
            return;
        }
        Extension e = who.get();
        Actor actor = new Actor(e.email(), e.role(), Optional.of(e.number()), "phone " + e.number());
        var body = request.get().mode().map(m -> new ScheduleInput.OverrideBody(m.wire(),
                request.get().until().orElseThrow().toString()));
        schedules.setOverride(t, body, actor);
        List<AudioSource> said = new ArrayList<>();
        if (body.isEmpty()) {
            said.add(clip("schedule-resumed"));
        } else {
            boolean open = request.get().mode().get() == ScheduleOverride.Mode.OPEN;
            said.add(clip(open ? "schedule-open-until" : "schedule-closed-until"));
            ZonedDateTime until = request.get().until().get().atZone(t.timeZone());
            Prompts.digits(String.format("%02d%02d", until.getHour(), until.getMinute()))
                    .forEach(c -> said.add(new ClipSource(c, false)));
        }
        caller.answer();
        await(caller.play(said));
        caller.hangUp(200);
    }

    private static void refuse(CallerSession caller, String prompt, int status) {
        caller.earlyMedia();
        await(caller.play(List.of(clip(prompt))));
        caller.hangUp(status);
    }

    private static AudioSource clip(String id) {
        String resource = "/org/carillon/pbx/schedule/prompts/" + id + ".wav";
        try (InputStream in = OverrideCodeApplication.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the build");
            }
            AudioClip clip = WavReader.read(resource, in);
            return new ClipSource(clip, false);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void await(CompletableFuture<?> playing) {
        try {
            playing.get(LONGEST_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            // hang up anyway
        }
    }
}
