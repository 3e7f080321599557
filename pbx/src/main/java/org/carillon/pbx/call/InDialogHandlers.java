package org.carillon.pbx.call;

import org.carillon.pbx.sipserver.SipRequestHandler;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.transaction.ServerTransaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-dialog methods a call answers (BYE, UPDATE, INFO, REFER), each a {@link SipRequestHandler} bean. */
@Configuration(proxyBeanMethods = false)
public class InDialogHandlers {

    @Bean
    SipRequestHandler byeHandler(CallService calls) {
        return new InDialog(SipMethod.BYE, calls);
    }

    @Bean
    SipRequestHandler updateHandler(CallService calls) {
        return new InDialog(SipMethod.UPDATE, calls);
    }

    @Bean
    SipRequestHandler infoHandler(CallService calls) {
        return new InDialog(SipMethod.INFO, calls);
    }

    @Bean
    SipRequestHandler referHandler(CallService calls) {
        return new InDialog(SipMethod.REFER, calls);
    }

    /** Hands a request to the call its Call-ID belongs to; 481 outside any dialog (§12.2.2). */
    record InDialog(String method, CallService calls) implements SipRequestHandler {
        @Override
        public void handle(ServerTransaction tx) {
            if (tx.request().to().tag().isEmpty()) {
                tx.respond(481);
                return;
            }
            calls.inDialog(tx);
        }
    }
}
