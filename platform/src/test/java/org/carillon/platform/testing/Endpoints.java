package org.carillon.platform.testing;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoints of a running application as {@code "METHOD pattern"} strings ({@code "GET /extensions/{number}"},
 * {@code "* /error"} for a mapping without a method), read from its own request mappings. The authorization matrix
 * tests compare these with their tables, so an endpoint nobody classified fails them.
 */
public final class Endpoints {
    private Endpoints() {
    }

    public static Set<String> of(RequestMappingHandlerMapping mappings) {
        Set<String> result = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> result.addAll(of(info)));
        return result;
    }

    /** The endpoints of one mapping (one per method and pattern). */
    public static Set<String> of(RequestMappingInfo info) {
        Set<String> result = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
            methods.add("*");
        }
        for (String pattern : info.getPatternValues()) {
            for (String m : methods) {
                result.add(m + " " + pattern);
            }
        }
        return result;
    }
}
