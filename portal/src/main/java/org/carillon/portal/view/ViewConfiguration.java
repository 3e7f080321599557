package org.carillon.portal.view;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** The portal's pages are rendered by {@link BufferedPageView} (Boot's Thymeleaf view resolver is kept otherwise). */
@Configuration(proxyBeanMethods = false)
public class ViewConfiguration {

    @Bean
    static BeanPostProcessor bufferedPageViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(BufferedPageView.class);
                }
                return bean;
            }
        };
    }
}
