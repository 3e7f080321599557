/**
 * SUBSCRIBE/NOTIFY (RFC 6665) for every event package of the PBX: {@link org.carillon.pbx.subscription.SubscribeHandler}
 * authenticates watchers like the registrar does and keeps them inside their tenant,
 * {@link org.carillon.pbx.subscription.SubscriptionService} holds the subscription dialogs (refresh, expiry,
 * un-subscribe) and sends NOTIFYs with {@code Subscription-State} through client transactions, one in flight per
 * watcher, dropping watchers that keep failing.
 *
 * <p>Features plug in through the {@link org.carillon.pbx.subscription.EventPackage} SPI (a Spring bean) and report
 * changes with {@link org.carillon.pbx.subscription.ResourceChanged} events; this package knows no package's body.
 */
package org.carillon.pbx.subscription;
