<?php
/**
 * `[switchboard_contact]` and the `switchboard/contact` block.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Frontend;

use Switchboard\Kb\Assets;
use Switchboard\Kb\Blocks;
use Switchboard\Tickets\Access;
use Switchboard\Tickets\Attachments;
use Switchboard\Tickets\TicketService;

/**
 * A real HTML form that posts to admin-post.php (works without JavaScript); the `contact` script
 * submits it to REST instead, shows field errors inline and suggests help articles while the
 * visitor types the subject. With `?sb_ticket=…&sb_token=…` in the URL (the signed link of the
 * confirmation e-mail) the same place shows that ticket instead of the form.
 */
final class ContactForm {

	/**
	 * The ticket core (built by Plugin's wiring; a default one otherwise).
	 *
	 * @var TicketService
	 */
	private TicketService $tickets;

	/**
	 * Constructor.
	 *
	 * @param TicketService|null $tickets The ticket core.
	 */
	public function __construct( ?TicketService $tickets = null ) {
		$this->tickets = $tickets ?? new TicketService();
	}

	public const HANDLE = 'switchboard-contact';

	/**
	 * Query argument of the page shown after a successful submission without JavaScript.
	 */
	public const SENT = 'sb_sent';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_shortcode( 'switchboard_contact', array( $this, 'shortcode' ) );
		add_action( 'init', array( $this, 'register_block' ) );
		add_action( 'init', array( self::class, 'register_script' ), 6 );
		add_action( 'admin_post_nopriv_switchboard_contact', array( $this, 'handle_post' ) );
		add_action( 'admin_post_switchboard_contact', array( $this, 'handle_post' ) );
	}

	/**
	 * Registers the block.
	 */
	public function register_block(): void {
		Blocks::register( 'contact', array( $this, 'render_block' ) );
	}

	/**
	 * Registers the form script (built entry `contact`).
	 */
	public static function register_script(): void {
		if ( Assets::register_entry( self::HANDLE, 'contact', array(), true ) ) {
			wp_set_script_translations( self::HANDLE, 'switchboard', SWITCHBOARD_PATH . '/languages' );
		}
	}

	/**
	 * Enqueues the form script and styles.
	 */
	public static function enqueue(): void {
		Assets::enqueue_front();
		if ( wp_script_is( self::HANDLE, 'registered' ) ) {
			wp_enqueue_script( self::HANDLE );
			Assets::print_settings( self::HANDLE );
		}
	}

	/**
	 * `[switchboard_contact attachments="yes" order="yes"]`.
	 *
	 * @param array<string, string>|string $atts Attributes.
	 */
	public function shortcode( $atts ): string {
		$atts = shortcode_atts(
			array(
				'attachments' => 'yes',
				'order'       => 'yes',
			),
			is_array( $atts ) ? $atts : array(),
			'switchboard_contact'
		);
		return $this->render( 'no' !== strtolower( (string) $atts['attachments'] ), 'no' !== strtolower( (string) $atts['order'] ) );
	}

	/**
	 * Block render callback.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 */
	public function render_block( $attributes ): string {
		$attributes = is_array( $attributes ) ? $attributes : array();
		$html       = $this->render( ! isset( $attributes['attachments'] ) || ! empty( $attributes['attachments'] ), ! isset( $attributes['orderField'] ) || ! empty( $attributes['orderField'] ) );
		$wrapper    = \WP_Block_Supports::$block_to_render ? get_block_wrapper_attributes() : '';
		return '' !== $wrapper ? '<div ' . $wrapper . '>' . $html . '</div>' : $html;
	}

	/**
	 * The form (or, with a signed link, the ticket).
	 */
	public function render( bool $attachments, bool $order_field ): string {
		if ( isset( $_GET[ Links::TICKET ] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- navigation.
			return ( new AccountScreens() )->render( Links::base( Links::current() ) );
		}
		self::enqueue();

		$sent   = isset( $_GET[ self::SENT ] ); // phpcs:ignore WordPress.Security.NonceVerification -- shows a notice only.
		$user   = wp_get_current_user();
		$failed = self::failed_submission();
		$values = array_merge(
			array(
				'name'    => $user->exists() ? $user->display_name : '',
				'email'   => $user->exists() ? $user->user_email : '',
				'order'   => '',
				'subject' => '',
				'message' => '',
			),
			$failed['values'] ?? array()
		);

		/**
		 * Filters whether the contact form asks for an order number (on when WooCommerce is active).
		 *
		 * @since 0.1.0
		 *
		 * @param bool $show Default: whether WooCommerce is active.
		 */
		$order_field = $order_field && (bool) apply_filters( 'switchboard_contact_order_field', \Switchboard\Plugin::woocommerce_active() );

		return Blocks::render_template(
			'contact/form',
			array(
				'id'          => wp_unique_id( 'switchboard-contact-' ),
				'action'      => admin_url( 'admin-post.php' ),
				'page'        => Links::base( Links::current() ),
				'values'      => $values,
				'sent'        => $sent ? ContactSubmission::success_message() : '',
				'errors'      => $failed['errors'] ?? array(),
				'message'     => $failed['message'] ?? '',
				'attachments' => $attachments,
				'order_field' => $order_field,
				'accept'      => self::accept(),
				'max_size'    => Attachments::max_size(),
				'max_files'   => Uploads::MAX_FILES,
				'session'     => bin2hex( random_bytes( 16 ) ),
				'ts'          => ContactSubmission::timestamp(),
			)
		);
	}

	/**
	 * Without JavaScript: admin-post.php → submit → redirect to the ticket, or back with errors.
	 */
	public function handle_post(): void {
		$input  = wp_unslash( $_POST ); // phpcs:ignore WordPress.Security.NonceVerification -- verified in ContactSubmission::submit().
		$input  = is_array( $input ) ? $input : array();
		$page   = wp_validate_redirect( esc_url_raw( (string) ( $input['page'] ?? '' ) ), home_url( '/' ) );
		$result = ( new ContactSubmission( $this->tickets ) )->submit( self::input_from( $input ), $_FILES ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput

		if ( ! is_wp_error( $result ) ) {
			// Only the address's owner gets the signed link — by e-mail. Whoever sent the form
			// may have typed someone else's address, so without an account that proves it the
			// browser is shown a confirmation, never the ticket (the REST route does the same).
			$ticket = $this->tickets->get( (int) $result['ticket_id'] );
			$target = is_array( $ticket ) && Access::owns( $ticket )
				? add_query_arg( Links::NOTICE, 'sent', $result['link'] )
				: add_query_arg( self::SENT, '1', $page ) . '#switchboard-contact';
			wp_safe_redirect( $target, 303 );
			exit;
		}

		$key = wp_generate_password( 20, false, false );
		set_transient(
			'sb_contact_' . $key,
			array(
				'errors'  => (array) ( $result->get_error_data()['fields'] ?? array() ),
				'message' => $result->get_error_message(),
				'values'  => ContactSubmission::clean( $input ),
			),
			10 * MINUTE_IN_SECONDS
		);
		wp_safe_redirect( add_query_arg( 'sb_form', $key, $page ) . '#switchboard-contact', 303 );
		exit;
	}

	/**
	 * The fields ContactSubmission reads, from a form post or a REST request.
	 *
	 * @param array<string, mixed> $input Unslashed input.
	 * @return array<string, mixed>
	 */
	public static function input_from( array $input ): array {
		$out = array();
		foreach ( array( 'name', 'email', 'order', 'subject', 'message', 'website', 'ts', 'session', 'page' ) as $key ) {
			$out[ $key ] = is_scalar( $input[ $key ] ?? null ) ? (string) $input[ $key ] : '';
		}
		$out['_wpnonce'] = is_scalar( $input['sb_nonce'] ?? null ) ? (string) $input['sb_nonce'] : '';
		return $out;
	}

	/**
	 * Errors and values of a failed no-JavaScript submission (?sb_form=<key>).
	 *
	 * @return array{errors?: array<string, string>, message?: string, values?: array<string, string>}
	 */
	private static function failed_submission(): array {
		$key = isset( $_GET['sb_form'] ) ? sanitize_key( wp_unslash( $_GET['sb_form'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- a lookup key, not an action.
		if ( '' === $key ) {
			return array();
		}
		$data = get_transient( 'sb_contact_' . $key );
		return is_array( $data ) ? $data : array();
	}

	/**
	 * The accept attribute from the allowed types.
	 */
	private static function accept(): string {
		$exts = array();
		foreach ( array_keys( Attachments::allowed_types() ) as $pattern ) {
			foreach ( explode( '|', (string) $pattern ) as $ext ) {
				$exts[] = '.' . $ext;
			}
		}
		return implode( ',', $exts );
	}
}
