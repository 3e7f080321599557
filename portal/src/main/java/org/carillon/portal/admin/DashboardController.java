package org.carillon.portal.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's start page. The customer portal issue fills it with subscriptions and quick links. */
@Controller
public class DashboardController {
    private final JdbcClient jdbc;

    public DashboardController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    public String dashboard(Model model) {
        model.addAttribute("customerCount", jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single());
        model.addAttribute("active", "dashboard");
        return "portal/dashboard";
    }
}
