package org.backroom.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a request waits for a decision before it expires ({@code backroom.approvals.expire-after}). */
@ConfigurationProperties("backroom.approvals")
record ApprovalSettings(@DefaultValue("72h") Duration expireAfter) {
}
