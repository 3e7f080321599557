package org.carillon.pbx.profile;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.schedule.ScheduleErrors;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/extensions/{number}/profile} (the active profile: {@code PUT {active}}),
 * {@code …/profile/automatic} (switch by office hours: {@code {enabled, inOfficeHours, outsideOfficeHours}}) and
 * {@code …/profiles[/{name}]} (list, create custom, replace, delete custom). Owner and Manager for any extension,
 * other users for their own (another extension answers 404).
 */
@RestController
@RequestMapping("/api/v1/extensions/{number}")
@ScheduleErrors
@Allowed(Permission.OWN_STATUS)
public class ProfileApiController {
    private final ProfileService service;
    private final ProfileAutoSwitch automatic;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ProfileApiController(ProfileService service, ProfileAutoSwitch automatic, TenantDirectory tenants,
                                ActorResolver actors) {
        this.service = service;
        this.automatic = automatic;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** One caller kind's rule; {@code mobileReachable} is false while no outbound trunk exists. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RuleView(int ringSeconds, boolean ringMobile, boolean mobileReachable, Destination onNoAnswer,
                           Destination onBusy, Destination onUnregistered) {
        static RuleView of(CallRule r) {
            return new RuleView(r.ringSeconds(), r.ringMobile(), false, r.onNoAnswer(), r.onBusy(),
                    r.onUnregistered());
        }
    }

    /** A profile; {@code dialCode} switches to it from a phone; {@code notes} say what cannot work yet. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProfileView(String name, CallProfile.Kind kind, int position, String dialCode, boolean active,
                              boolean callWaiting, RuleView internal, RuleView external, List<String> notes) {
        static ProfileView of(CallProfile p) {
            List<String> notes = p.internal().ringMobile() || p.external().ringMobile()
                    ? List.of("The mobile cannot be rung: no outbound trunk exists. Calls follow the other rules.")
                    : List.of();
            return new ProfileView(p.name(), p.kind(), p.position(), "*76" + p.position(), p.active(),
                    p.callWaiting(), RuleView.of(p.internal()), RuleView.of(p.external()), notes);
        }
    }

    /** The active profile's name and every profile. */
    public record ActiveView(String active, List<ProfileView> profiles) {
    }

    @GetMapping("/profile")
    public ActiveView active(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return view(service.profiles(tenants.current(), number, actors.resolve(auth, request)));
    }

    @PutMapping("/profile")
    public ActiveView activate(@PathVariable String number, @RequestBody ProfileInput.ActiveBody body,
                               Authentication auth, HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        service.activate(tenants.current(), number, body.active(), actor);
        return view(service.profiles(tenants.current(), number, actor));
    }

    @GetMapping("/profile/automatic")
    public ProfileAutoSwitch.View automatic(@PathVariable String number, Authentication auth,
                                           HttpServletRequest request) {
        return automatic.view(tenants.current(), number, actors.resolve(auth, request));
    }

    @PutMapping("/profile/automatic")
    public ProfileAutoSwitch.View setAutomatic(@PathVariable String number, @RequestBody ProfileAutoSwitch.Body body,
                                               Authentication auth, HttpServletRequest request) {
        return automatic.save(tenants.current(), number, body, actors.resolve(auth, request));
    }

    @GetMapping("/profiles")
    public List<ProfileView> list(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return service.profiles(tenants.current(), number, actors.resolve(auth, request)).stream()
                .map(ProfileView::of).toList();
    }

    @PostMapping("/profiles")
    @ResponseStatus(HttpStatus.CREATED)
    public ProfileView create(@PathVariable String number, @RequestBody ProfileInput.ProfileBody body,
                              Authentication auth, HttpServletRequest request) {
        return ProfileView.of(service.create(tenants.current(), number, body, actors.resolve(auth, request)));
    }

    @PutMapping("/profiles/{name}")
    public ProfileView update(@PathVariable String number, @PathVariable String name,
                              @RequestBody ProfileInput.ProfileBody body, Authentication auth,
                              HttpServletRequest request) {
        return ProfileView.of(service.update(tenants.current(), number, name, body, actors.resolve(auth, request)));
    }

    @DeleteMapping("/profiles/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String number, @PathVariable String name, Authentication auth,
                       HttpServletRequest request) {
        service.delete(tenants.current(), number, name, actors.resolve(auth, request));
    }

    private static ActiveView view(List<CallProfile> profiles) {
        return new ActiveView(profiles.stream().filter(CallProfile::active).map(CallProfile::name).findFirst()
                .orElse("available"), profiles.stream().map(ProfileView::of).toList());
    }
}
