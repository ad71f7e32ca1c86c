<?php
/**
 * The storefront chat launcher.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Chat;

/**
 * Enqueues the tiny launcher (build/chat-widget.js) on storefront pages that show chat; the
 * launcher loads the chat panel chunk on first click or when the browser is idle with unread
 * replies. Strings are translated here and passed in the config, so the widget needs no
 * wp-i18n on the storefront.
 */
final class Widget {

	public const HANDLE = 'switchboard-chat-widget';

	/**
	 * Hooks.
	 */
	public function register(): void {
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Whether the current page shows the widget.
	 *
	 * @param array<string, mixed> $settings Settings.
	 */
	public static function shows_on_current_page( array $settings ): bool {
		if ( empty( $settings['enabled'] ) || is_admin() ) {
			return false;
		}
		$id   = (int) get_queried_object_id();
		$ids  = array_map( 'intval', (array) $settings['page_ids'] );
		$show = true;
		if ( 'selected' === $settings['show_on'] ) {
			$show = in_array( $id, $ids, true );
		} elseif ( 'except' === $settings['show_on'] ) {
			$show = ! in_array( $id, $ids, true );
		}

		/**
		 * Filters whether the chat widget shows on the current storefront page.
		 *
		 * @since 0.1.0
		 *
		 * @param bool                 $show     Whether to show it.
		 * @param array<string, mixed> $settings Chat settings.
		 */
		return (bool) apply_filters( 'switchboard_chat_show_widget', $show, $settings );
	}

	/**
	 * Enqueues the launcher with its config.
	 */
	public function enqueue(): void {
		$settings = Settings::get();
		$asset    = SWITCHBOARD_PATH . '/build/chat-widget.asset.php';
		if ( ! is_readable( $asset ) || ! self::shows_on_current_page( $settings ) ) {
			return;
		}
		$meta = require $asset;
		wp_enqueue_script(
			self::HANDLE,
			plugins_url( 'build/chat-widget.js', SWITCHBOARD_FILE ),
			(array) ( $meta['dependencies'] ?? array() ),
			(string) ( $meta['version'] ?? SWITCHBOARD_VERSION ),
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		wp_add_inline_script( self::HANDLE, 'window.switchboardChat = ' . wp_json_encode( $this->config( $settings ) ) . ';', 'before' );
	}

	/**
	 * The widget's configuration (public: it is printed on every page, and may be page-cached).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<string, mixed>
	 */
	public function config( array $settings ): array {
		$user = wp_get_current_user();
		return array(
			'root'        => esc_url_raw( rest_url( 'switchboard/v1/chat' ) ),
			'nonce'       => is_user_logged_in() ? wp_create_nonce( 'wp_rest' ) : '',
			'tokenHeader' => Sessions::TOKEN_HEADER,
			'color'       => (string) $settings['color'],
			'position'    => (string) $settings['position'],
			'greeting'    => (string) $settings['greeting'],
			'maxLength'   => Settings::MAX_LENGTH,
			'user'        => is_user_logged_in() ? array( 'name' => $user->display_name ) : null,
			'strings'     => array(
				'open'        => __( 'Chat with us', 'switchboard' ),
				'close'       => __( 'Close chat', 'switchboard' ),
				'title'       => __( 'Support', 'switchboard' ),
				'name'        => __( 'Your name', 'switchboard' ),
				'email'       => __( 'Your email', 'switchboard' ),
				'start'       => __( 'Start chat', 'switchboard' ),
				'placeholder' => __( 'Type your message…', 'switchboard' ),
				'send'        => __( 'Send', 'switchboard' ),
				'person'      => __( 'Talk to a person', 'switchboard' ),
				'leave'       => __( 'Leave a message', 'switchboard' ),
				'yes'         => __( 'Yes, thanks', 'switchboard' ),
				'no'          => __( 'No', 'switchboard' ),
				'helped'      => __( 'Did this answer your question?', 'switchboard' ),
				'typing'      => __( 'Typing…', 'switchboard' ),
				'you'         => __( 'You', 'switchboard' ),
				'end'         => __( 'End chat', 'switchboard' ),
				'transcript'  => __( 'Email me the transcript', 'switchboard' ),
				'ended'       => __( 'This chat has ended.', 'switchboard' ),
				'newChat'     => __( 'New chat', 'switchboard' ),
				'error'       => __( 'Something went wrong. Please try again.', 'switchboard' ),
				'tooLong'     => __( 'That message is too long.', 'switchboard' ),
				'waiting'     => __( 'Waiting for a person…', 'switchboard' ),
				'offline'     => __( 'We will answer by email.', 'switchboard' ),
				'unread'      => __( 'unread replies', 'switchboard' ),
			),
		);
	}
}
