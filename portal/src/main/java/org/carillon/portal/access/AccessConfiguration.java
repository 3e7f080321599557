package org.carillon.portal.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers the permission check, the viewer in the pages' models and the {@link Viewer} parameter with Spring MVC. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration implements WebMvcConfigurer {
    private final ViewerLookup viewers;

    public AccessConfiguration(ViewerLookup viewers) {
        this.viewers = viewers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor(viewers));
        registry.addInterceptor(new ViewerModelInterceptor(viewers));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver(viewers));
    }
}
