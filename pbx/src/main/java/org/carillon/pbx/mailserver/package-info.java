/**
 * Settings ▸ Mail server: the SMTP server the PBX sends its email through, saved from the web (password encrypted at
 * rest), used for the next message without a restart, the outbox's state and a test email.
 */
package org.carillon.pbx.mailserver;
