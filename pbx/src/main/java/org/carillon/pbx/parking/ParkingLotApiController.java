package org.carillon.pbx.parking;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * {@code /api/v1/parking/lots} (Owner and Manager): {@code GET} the tenant's lots, the default first; {@code POST}
 * {@code {name, parkNumber, firstSlot, lastSlot, timeoutSeconds, fallback: {type, target}, musicOnHold?}} → 201;
 * {@code GET|PUT|DELETE /{id}} (PUT replaces every field; DELETE → 204, 409 for the default lot or while a call is
 * parked in it). Numbers are strings; a bad field is 400 naming it, a clash names what the number is.
 */
@RestController
@RequestMapping("/api/v1/parking/lots")
@Allowed(Permission.PARKING)
public class ParkingLotApiController {
    private final ParkingLotService lots;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ParkingLotApiController(ParkingLotService lots, TenantDirectory tenants, ActorResolver actors) {
        this.lots = lots;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** What a client sends; {@code id} and {@code default} are read-only (refused as unknown fields). */
    public record LotBody(String name, String parkNumber, String firstSlot, String lastSlot, Integer timeoutSeconds,
                          DestinationCheck.Body fallback, String musicOnHold) {
        ParkingLotInput input() {
            return new ParkingLotInput(name, parkNumber, firstSlot, lastSlot, timeoutSeconds, fallback, musicOnHold);
        }
    }

    /** A lot as returned. */
    public record LotView(long id, String name, String parkNumber, String firstSlot, String lastSlot,
                          int timeoutSeconds, DestinationCheck.Body fallback, String musicOnHold,
                          @JsonProperty("default") boolean isDefault) {
        static LotView of(ParkingLot l) {
            return new LotView(l.id(), l.name(), l.parkNumber(), Integer.toString(l.firstSlot()),
                    Integer.toString(l.lastSlot()), l.timeoutSeconds(), new DestinationCheck.Body(
                    l.fallback().type().wire(), l.fallback().target()), l.musicOnHold(), l.isDefault());
        }
    }

    @GetMapping
    public List<LotView> list() {
        return lots.lots(tenants.current().id()).stream().map(LotView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public LotView create(@RequestBody LotBody body, Authentication auth, HttpServletRequest request) {
        Actor actor = actors.resolve(auth, request);
        return LotView.of(lots.create(tenants.current().id(), body.input(), actor.email(), actor.source()));
    }

    @GetMapping("/{id}")
    public LotView get(@PathVariable long id) {
        return LotView.of(lots.require(tenants.current().id(), id));
    }

    @PutMapping("/{id}")
    public LotView replace(@PathVariable long id, @RequestBody LotBody body, Authentication auth,
                           HttpServletRequest request) {
        Actor actor = actors.resolve(auth, request);
        return LotView.of(lots.update(tenants.current().id(), id, body.input(), actor.email(), actor.source()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id, Authentication auth, HttpServletRequest request) {
        Actor actor = actors.resolve(auth, request);
        lots.delete(tenants.current().id(), id, actor.email(), actor.source());
    }

    @ExceptionHandler(InvalidParkingLotException.class)
    public ProblemDetail invalid(InvalidParkingLotException e) {
        return ApiProblem.validation(e.errors());
    }

    @ExceptionHandler(ParkingLotNotFoundException.class)
    public ProblemDetail notFound(ParkingLotNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ParkingLotInUseException.class)
    public ProblemDetail inUse(ParkingLotInUseException e) {
        return ApiProblem.of(HttpStatus.CONFLICT, e.getMessage());
    }
}
