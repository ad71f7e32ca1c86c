<?php
/**
 * The HTML frame of outgoing email.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * Wraps a reply in a simple table layout. It uses the store's WooCommerce email settings when they
 * are present (header image, base/background/body/text/footer colours, footer text) so replies
 * look like the store's order emails; otherwise WooCommerce's defaults (when active) or neutral
 * colours.
 */
final class Template {

	/**
	 * Full HTML document for a body.
	 *
	 * @param string $body    Sanitized HTML body.
	 * @param string $subject Subject (title).
	 */
	public static function wrap( string $body, string $subject ): string {
		$woo     = class_exists( 'WooCommerce' );
		$base    = self::color( self::option( 'woocommerce_email_base_color', $woo ? '#7f54b3' : '#2271b1' ) );
		$bg      = self::color( self::option( 'woocommerce_email_background_color', $woo ? '#f7f7f7' : '#f0f0f1' ) );
		$body_c  = self::color( self::option( 'woocommerce_email_body_background_color', '#ffffff' ) );
		$text_c  = self::color( self::option( 'woocommerce_email_text_color', $woo ? '#3c3c3c' : '#1e1e1e' ) );
		$foot_c  = self::color( self::option( 'woocommerce_email_footer_text_color', '#8a8a8a' ) );
		$logo    = self::option( 'woocommerce_email_header_image', '' );
		$footer  = self::option( 'woocommerce_email_footer_text', '' );
		$address = implode(
			', ',
			array_filter(
				array(
					(string) get_option( 'woocommerce_store_address', '' ),
					(string) get_option( 'woocommerce_store_address_2', '' ),
					trim( get_option( 'woocommerce_store_postcode', '' ) . ' ' . get_option( 'woocommerce_store_city', '' ) ),
				)
			)
		);
		$footer  = strtr(
			$footer,
			array(
				'{site_title}'    => get_bloginfo( 'name' ),
				'{site_url}'      => home_url(),
				'{site_address}'  => wp_parse_url( home_url(), PHP_URL_HOST ),
				'{store_address}' => $address,
				'{store_email}'   => (string) get_option( 'woocommerce_email_from_address', get_option( 'admin_email' ) ),
				'{woocommerce}'   => 'WooCommerce',
				'{WooCommerce}'   => 'WooCommerce',
			)
		);
		// Placeholders of other plugins we cannot fill must not reach customers as "{…}".
		$footer = (string) preg_replace( '/\{[a-z_]+\}/i', '', $footer );

		/**
		 * Filters the HTML of an outgoing helpdesk email before it is sent.
		 *
		 * @since 0.1.0
		 *
		 * @param string $html    Complete HTML document.
		 * @param string $body    The reply's HTML.
		 * @param string $subject Subject.
		 */
		return (string) apply_filters(
			'switchboard_email_html',
			'<!DOCTYPE html><html><head><meta charset="utf-8"><title>' . esc_html( $subject ) . '</title></head>'
			. '<body style="margin:0;padding:0;background:' . $bg . ';">'
			. '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:' . $bg . ';padding:24px 0;"><tr><td align="center">'
			. ( '' !== $logo ? '<p style="margin:0 0 16px;"><img src="' . esc_url( $logo ) . '" alt="' . esc_attr( get_bloginfo( 'name' ) ) . '" style="max-width:300px;border:0;"></p>' : '' )
			. '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:' . $body_c . ';border-top:4px solid ' . $base . ';border-radius:3px;">'
			. '<tr><td style="padding:32px 40px;color:' . $text_c . ';font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;">'
			. $body
			. '</td></tr></table>'
			. ( '' !== $footer ? '<p style="color:' . $foot_c . ';font-family:Arial,sans-serif;font-size:12px;">' . wp_kses_post( $footer ) . '</p>' : '' )
			. '</td></tr></table></body></html>',
			$body,
			$subject
		);
	}

	/**
	 * A WooCommerce email setting, or the default when it is not set.
	 *
	 * @param string $name    Option.
	 * @param string $default Default.
	 */
	private static function option( string $name, string $default ): string {
		$value = get_option( $name, '' );
		return is_string( $value ) && '' !== trim( $value ) ? trim( $value ) : $default;
	}

	/**
	 * A hex colour or a safe default.
	 *
	 * @param string $color Option value.
	 */
	private static function color( string $color ): string {
		return preg_match( '/^#[0-9a-fA-F]{3,8}$/', $color ) ? $color : '#333333';
	}
}
