export {};

declare global {
	interface Window {
		switchboardSettings?: {
			version: string;
			woocommerceActive: boolean;
			adminUrl: string;
			pageUrl: string;
		};
	}
}
