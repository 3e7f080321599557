package org.carillon.pbx.profile;

import org.carillon.media.play.ClipSource;
import org.carillon.media.play.Prompts;
import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code *76} dial code (CONTRACTS.md). {@code *76} alone makes the profile after the active one active
 * (Available → Busy → Away → custom ones → Available); {@code *76<n>} makes profile number {@code n} active
 * (1 Available, 2 Busy, 3 Away, 4… custom, as listed). The caller is answered and hears the number of the profile
 * now active, then the PBX hangs up; an unknown number gets the "invalid" announcement and 404.
 *
 * <p>Runs on the call's executor. The tenant is the one of the calling extension (the single tenant today).
 */
@Component
public class ProfileCodeApplication implements CallApplication {
    private static final long LONGEST_MS = 15_000;
    private final ProfileService profiles;
    private final TenantDirectory tenants;

    public ProfileCodeApplication(ProfileService profiles, TenantDirectory tenants) {
        this.profiles = profiles;
        this.tenants = tenants;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.PROFILE_CODE;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        var now = profiles.activateByCode(tenants.current().id(), caller.caller(), destination.target(),
                caller.source());
        if (now.isEmpty()) {
            caller.earlyMedia();
            await(caller.play(List.of(new ClipSource(Prompts.require("invalid-extension"), false))));
            caller.hangUp(404);
            return;
        }
        caller.answer();
        await(caller.play(Prompts.digits(Integer.toString(now.get().position())).stream()
                .map(c -> new ClipSource(c, false)).toList()));
        caller.hangUp(200);
    }

    private static void await(java.util.concurrent.CompletableFuture<?> playing) {
        try {
            playing.get(LONGEST_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // hang up anyway
        }
    }
}
