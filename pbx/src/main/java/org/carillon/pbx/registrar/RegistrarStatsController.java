package org.carillon.pbx.registrar;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/registrar/stats}: counters for monitoring and for {@code bench/register}, which reports the
 * write-behind's CPU time (the database work) apart from the registrar's.
 */
@RestController
@Allowed(Permission.SECURITY)
public class RegistrarStatsController {
    private final Registrar registrar;
    private final RegisterHandler handler;
    private final BindingWriter writer;

    public RegistrarStatsController(Registrar registrar, RegisterHandler handler, BindingWriter writer) {
        this.registrar = registrar;
        this.handler = handler;
        this.writer = writer;
    }

    /**
     * @param bindings       bindings held now
     * @param registrations  REGISTERs answered 200 since start
     * @param writer         write-behind: transactions, rows, CPU nanoseconds of its thread, extensions pending
     */
    public record Stats(int bindings, long registrations, BindingWriter.Stats writer) {
    }

    @GetMapping("/api/v1/registrar/stats")
    public Stats stats() {
        return new Stats(registrar.bindingCount(), handler.accepted(), writer.stats());
    }
}
