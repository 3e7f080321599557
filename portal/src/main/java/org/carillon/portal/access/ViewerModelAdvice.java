package org.carillon.portal.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the viewer in every page's model as {@code me}, so the layout can show only the menu entries they may use. */
@ControllerAdvice(basePackages = "org.carillon.portal")
public class ViewerModelAdvice {
    private final ViewerLookup viewers;

    public ViewerModelAdvice(ViewerLookup viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("me")
    public Viewer me(HttpServletRequest request) {
        return viewers.current(request).orElse(null);
    }
}
