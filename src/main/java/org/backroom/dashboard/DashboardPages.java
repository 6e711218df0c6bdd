package org.backroom.dashboard;

import org.backroom.web.PageController;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard. It holds no figures of its own: each panel is loaded from the feature that owns the numbers
 * (sales, customers, items, approvals), so no feature's tables are read from here.
 */
@PageController
class DashboardPages {

	@GetMapping("/")
	String dashboard() {
		return "home/dashboard";
	}

}
