<?php
/**
 * The inbound email webhooks against the providers' documented payloads: raw MIME with our HMAC,
 * Mailgun (HMAC-SHA256 of timestamp . token with the signing key, stale and replayed refused),
 * Postmark inbound JSON (HTTP Basic credentials; Postmark signs nothing), SendGrid Inbound Parse
 * in raw MIME mode (URL token, or its ECDSA signature where the body is readable).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Email;

use Switchboard\Channels\Email\InboundStore;
use Switchboard\Channels\Email\Rest\WebhookController;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\TicketService;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Integration tests of Channels\Email\Rest\WebhookController through the REST server.
 */
final class WebhookTest extends TestCase {

	private const ROUTE = '/switchboard/v1/email/inbound/';

	/**
	 * A customer's message, unique per call.
	 *
	 * @param string $subject Subject.
	 */
	private static function mime( string $subject ): string {
		$id = bin2hex( random_bytes( 6 ) );
		return "From: Kim Customer <kim-$id@example.com>\r\nTo: support@shop.test\r\nSubject: $subject\r\n"
			. "Message-ID: <$id@mail.example.com>\r\nDate: Mon, 23 Nov 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
			. "Content-Type: text/plain; charset=utf-8\r\n\r\nHello from the webhook ($id).\r\n";
	}

	/**
	 * Dispatches a request as a guest (providers are not logged in).
	 *
	 * @param WP_REST_Request $request Request.
	 */
	private function send( WP_REST_Request $request ): WP_REST_Response {
		$this->as_guest();
		return rest_ensure_response( rest_get_server()->dispatch( $request ) );
	}

	/**
	 * Asserts the request became a ticket with this subject; returns the ticket id.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param string           $subject  Subject.
	 */
	private function assertTicket( WP_REST_Response $response, string $subject ): int {
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = (array) $response->get_data();
		$this->assertSame( 'stored', $data['status'] );
		$row = ( new InboundStore() )->get( (int) $data['inbound_id'] );
		$this->assertNotNull( $row );
		$this->assertSame( 'webhook', $row['source'] );
		$ticket = ( new TicketService() )->get( (int) $row['ticket_id'] );
		$this->assertNotNull( $ticket, 'a ticket was created' );
		$this->assertSame( $subject, $ticket['subject'] );
		$this->assertSame( 'email', $ticket['channel'] );
		return (int) $ticket['id'];
	}

	private function raw_request( string $body, string $secret, ?int $ts = null ): WP_REST_Request {
		$ts      = $ts ?? time();
		$request = new WP_REST_Request( 'POST', self::ROUTE . 'raw' );
		$request->set_header( 'Content-Type', 'message/rfc822' );
		$request->set_header( 'X-Switchboard-Timestamp', (string) $ts );
		$request->set_header( 'X-Switchboard-Signature', hash_hmac( 'sha256', $ts . '.' . $body, $secret ) );
		$request->set_body( $body );
		return $request;
	}

	public function test_raw_mime_needs_a_fresh_unique_hmac(): void {
		$mime = self::mime( 'Raw webhook order question' );

		// Not set up: refused before anything else.
		$this->assertRestError( $this->send( $this->raw_request( $mime, 'whatever' ) ), 403, 'switchboard_webhook_not_configured' );

		WebhookController::save_credentials( array( 'raw_secret' => 'raw-secret-1' ) );
		$unsigned = new WP_REST_Request( 'POST', self::ROUTE . 'raw' );
		$unsigned->set_body( $mime );
		$this->assertRestError( $this->send( $unsigned ), 401, 'switchboard_webhook_unsigned' );
		$this->assertRestError( $this->send( $this->raw_request( $mime, 'wrong-secret' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertRestError( $this->send( $this->raw_request( $mime, 'raw-secret-1', time() - 301 ) ), 401, 'switchboard_webhook_stale' );
		$this->assertRestError( $this->send( $this->raw_request( $mime, 'raw-secret-1', time() + 400 ) ), 401, 'switchboard_webhook_stale' );
		$tampered = $this->raw_request( $mime, 'raw-secret-1' );
		$tampered->set_body( str_replace( 'Hello', 'Pay me', $mime ) );
		$this->assertRestError( $this->send( $tampered ), 401, 'switchboard_webhook_signature' );

		$good = $this->raw_request( $mime, 'raw-secret-1' );
		$this->assertTicket( $this->send( $good ), 'Raw webhook order question' );
		// The very same signed request again: a replay.
		$this->assertRestError( $this->send( $good ), 409, 'switchboard_webhook_replay' );
	}

	public function test_a_request_whose_mail_was_not_kept_may_be_retried(): void {
		WebhookController::save_credentials( array( 'raw_secret' => 'raw-secret-2' ) );
		$mime    = self::mime( 'Retried after a failure' );
		$request = $this->raw_request( $mime, 'raw-secret-2' );
		$small   = static fn(): int => 10;
		add_filter( 'switchboard_email_max_size', $small );
		try {
			$this->assertRestError( $this->send( $request ), 413, 'switchboard_email_too_large' );
		} finally {
			remove_filter( 'switchboard_email_max_size', $small );
		}
		// Same signature: not a replay, because nothing was kept the first time.
		$this->assertTicket( $this->send( $request ), 'Retried after a failure' );
	}

	/**
	 * Mailgun's route-forward POST to a URL ending in "mime" (form fields as Mailgun documents).
	 *
	 * @param array<string, string> $fields Overrides.
	 */
	private function mailgun_request( string $mime, string $key, array $fields = array() ): WP_REST_Request {
		$ts      = (string) ( $fields['timestamp'] ?? time() );
		$token   = $fields['token'] ?? bin2hex( random_bytes( 25 ) ); // 50 characters, like Mailgun's.
		$request = new WP_REST_Request( 'POST', self::ROUTE . 'mailgun/mime' );
		$request->set_header( 'Content-Type', 'multipart/form-data; boundary=x' );
		$request->set_body_params(
			array_merge(
				array(
					'recipient' => 'support@shop.test',
					'sender'    => 'kim@example.com',
					'from'      => 'Kim Customer <kim@example.com>',
					'subject'   => 'ignored: the MIME is what counts',
					'body-mime' => $mime,
					'timestamp' => $ts,
					'token'     => $token,
					'signature' => hash_hmac( 'sha256', $ts . $token, $key ),
				),
				$fields
			)
		);
		return $request;
	}

	public function test_mailgun_signature_timestamp_and_token(): void {
		$mime = self::mime( 'Mailgun: wrong size delivered' );
		$this->assertRestError( $this->send( $this->mailgun_request( $mime, 'key-1' ) ), 403, 'switchboard_webhook_not_configured' );

		WebhookController::save_credentials( array( 'mailgun_key' => 'mg-signing-key' ) );
		$this->assertRestError(
			$this->send(
				$this->mailgun_request(
					$mime,
					'mg-signing-key',
					array(
						'signature' => '',
						'token'     => '',
					)
				)
			),
			401,
			'switchboard_webhook_unsigned'
		);
		$this->assertRestError( $this->send( $this->mailgun_request( $mime, 'another-key' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertRestError( $this->send( $this->mailgun_request( $mime, 'mg-signing-key', array( 'timestamp' => (string) ( time() - 3600 ) ) ) ), 401, 'switchboard_webhook_stale' );
		// A valid signature over a timestamp that is not a number.
		$this->assertRestError( $this->send( $this->mailgun_request( $mime, 'mg-signing-key', array( 'timestamp' => 'soon' ) ) ), 401, 'switchboard_webhook_stale' );

		$good = $this->mailgun_request( $mime, 'mg-signing-key' );
		$this->assertTicket( $this->send( $good ), 'Mailgun: wrong size delivered' );
		$this->assertRestError( $this->send( $good ), 409, 'switchboard_webhook_replay' );

		// Signed, but without the MIME (a route forwarding to a URL without "mime").
		$parsed = $this->mailgun_request( $mime, 'mg-signing-key', array( 'body-mime' => '' ) );
		$this->assertRestError( $this->send( $parsed ), 400, 'switchboard_webhook_no_mime' );
	}

	/**
	 * Postmark's inbound JSON (shape of its documentation), with RawEmail.
	 *
	 * @param string      $mime Raw MIME.
	 * @param string|null $auth "user:password" or null for none.
	 */
	private function postmark_request( string $mime, ?string $auth ): WP_REST_Request {
		$request = new WP_REST_Request( 'POST', self::ROUTE . 'postmark' );
		$request->set_header( 'Content-Type', 'application/json' );
		if ( null !== $auth ) {
			$request->set_header( 'Authorization', 'Basic ' . base64_encode( $auth ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		}
		$request->set_body(
			(string) wp_json_encode(
				array(
					'FromName'          => 'Kim Customer',
					'MessageStream'     => 'inbound',
					'From'              => 'kim@example.com',
					'FromFull'          => array(
						'Email'       => 'kim@example.com',
						'Name'        => 'Kim Customer',
						'MailboxHash' => '',
					),
					'To'                => 'support@shop.test',
					'ToFull'            => array(
						array(
							'Email'       => 'support@shop.test',
							'Name'        => '',
							'MailboxHash' => '',
						),
					),
					'Cc'                => '',
					'CcFull'            => array(),
					'Bcc'               => '',
					'BccFull'           => array(),
					'OriginalRecipient' => 'support@shop.test',
					'Subject'           => 'ignored',
					'MessageID'         => '73e6d360-66eb-11e1-8e72-a8904824019b',
					'ReplyTo'           => '',
					'MailboxHash'       => '',
					'Date'              => 'Mon, 23 Nov 2026 08:00:00 +0000',
					'TextBody'          => 'Hello',
					'HtmlBody'          => '',
					'StrippedTextReply' => '',
					'Tag'               => '',
					'Headers'           => array(),
					'Attachments'       => array(),
					'RawEmail'          => $mime,
				)
			)
		);
		return $request;
	}

	public function test_postmark_requires_the_basic_credentials_of_its_webhook_url(): void {
		$mime = self::mime( 'Postmark: parcel damaged' );
		$this->assertRestError( $this->send( $this->postmark_request( $mime, 'pm:pass' ) ), 403, 'switchboard_webhook_not_configured' );

		WebhookController::save_credentials(
			array(
				'postmark_user'     => 'postmark',
				'postmark_password' => 'pm-pass-123',
			)
		);
		$this->assertRestError( $this->send( $this->postmark_request( $mime, null ) ), 401, 'switchboard_webhook_unsigned' );
		$this->assertRestError( $this->send( $this->postmark_request( $mime, 'postmark:wrong' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertRestError( $this->send( $this->postmark_request( $mime, 'someone:pm-pass-123' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertTicket( $this->send( $this->postmark_request( $mime, 'postmark:pm-pass-123' ) ), 'Postmark: parcel damaged' );
	}

	/**
	 * Postmark's documented inbound example (developer/webhooks/inbound-webhook) as it arrives when
	 * "Include raw email content in JSON payload" is off — no RawEmail — with real base64 content,
	 * a Japanese subject and sender name, and the original threading headers in Headers[].
	 *
	 * @param string $message_id Postmark's MessageID.
	 * @return array<string, mixed>
	 */
	private static function postmark_documented( string $message_id ): array {
		return array(
			'FromName'          => 'Postmarkapp Support',
			'MessageStream'     => 'inbound',
			'From'              => 'support@postmarkapp.com',
			'FromFull'          => array(
				'Email'       => 'support@postmarkapp.com',
				'Name'        => '山田 花子',
				'MailboxHash' => '',
			),
			'To'                => '"Firstname Lastname" <yourhash+SampleHash@inbound.postmarkapp.com>',
			'ToFull'            => array(
				array(
					'Email'       => 'yourhash+SampleHash@inbound.postmarkapp.com',
					'Name'        => 'Firstname Lastname',
					'MailboxHash' => 'SampleHash',
				),
			),
			// As documented, the plain Cc string is malformed; CcFull is what counts.
			'Cc'                => '"First Cc" <firstcc@postmarkapp.com>, secondCc@postmarkapp.com>',
			'CcFull'            => array(
				array(
					'Email'       => 'firstcc@postmarkapp.com',
					'Name'        => 'First Cc',
					'MailboxHash' => '',
				),
				array(
					'Email'       => 'secondCc@postmarkapp.com',
					'Name'        => '',
					'MailboxHash' => '',
				),
			),
			'Bcc'               => '',
			'BccFull'           => array(),
			'OriginalRecipient' => 'yourhash+SampleHash@inbound.postmarkapp.com',
			'Subject'           => "Test subject — 注文について\r\nBcc: evil@example.com",
			'MessageID'         => $message_id,
			'ReplyTo'           => 'replyto@example.com',
			'MailboxHash'       => 'SampleHash',
			'Date'              => 'Fri, 1 Aug 2014 16:45:32 -04:00',
			'TextBody'          => "This is a test text body.\nご確認ください。",
			'HtmlBody'          => '<html><body><p>This is a test html body.</p><p><img src="cid:myimage.png@01CE7342.75E71F80"></p></body></html>',
			'StrippedTextReply' => 'This is the reply text',
			'Tag'               => 'TestTag',
			'Headers'           => array(
				array(
					'Name'  => 'X-Header-Test',
					'Value' => '',
				),
				array(
					'Name'  => 'X-Spam-Status',
					'Value' => 'No',
				),
				array(
					'Name'  => 'X-Spam-Score',
					'Value' => '-0.1',
				),
				array(
					'Name'  => 'X-Spam-Tests',
					'Value' => 'DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,SPF_PASS',
				),
				array(
					'Name'  => 'Content-Type',
					'Value' => 'multipart/mixed; boundary="never-used"',
				),
			),
			'Attachments'       => array(
				array(
					'Name'          => 'test.txt',
					'Content'       => base64_encode( 'This is attachment contents, base-64 encoded.' ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
					'ContentType'   => 'text/plain',
					'ContentLength' => 45,
				),
				array(
					'Name'          => 'myimage.png',
					'Content'       => base64_encode( (string) base64_decode( 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode,WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
					'ContentType'   => 'image/png',
					'ContentLength' => 68,
					'ContentID'     => 'myimage.png@01CE7342.75E71F80',
				),
			),
		);
	}

	/**
	 * A Postmark POST with the webhook's Basic credentials.
	 *
	 * @param array<string, mixed> $payload JSON payload.
	 */
	private function postmark_json( array $payload ): WP_REST_Request {
		$request = new WP_REST_Request( 'POST', self::ROUTE . 'postmark' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'Authorization', 'Basic ' . base64_encode( 'postmark:pm-pass-123' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		$request->set_body( (string) wp_json_encode( $payload ) );
		return $request;
	}

	public function test_postmark_without_raw_email_is_rebuilt_from_its_documented_fields(): void {
		WebhookController::save_credentials(
			array(
				'postmark_user'     => 'postmark',
				'postmark_password' => 'pm-pass-123',
			)
		);
		$postmark_id = '73e6d360-66eb-11e1-8e72-' . bin2hex( random_bytes( 6 ) );
		$payload     = self::postmark_documented( $postmark_id );
		$ticket_id   = $this->assertTicket( $this->send( $this->postmark_json( $payload ) ), 'Test subject — 注文について Bcc: evil@example.com' );

		$ticket   = ( new TicketService() )->get( $ticket_id );
		$customer = ( new \Switchboard\Tickets\Customers() )->get( (int) $ticket['customer_id'] );
		$this->assertSame( 'support@postmarkapp.com', $customer['email'] ?? null, 'FromFull is the customer' );
		$this->assertSame( '山田 花子', $customer['name'] ?? null, 'the UTF-8 name survives RFC 2047' );

		$messages = ( new \Switchboard\Tickets\Messages() )->for_ticket( $ticket_id, true );
		$this->assertCount( 1, $messages );
		$message = $messages[0];
		$this->assertStringContainsString( 'This is a test text body.', (string) $message['body_text'] );
		$this->assertStringContainsString( 'ご確認ください。', (string) $message['body_text'] );
		$this->assertStringContainsString( 'This is a test html body.', (string) $message['body_html'] );
		$this->assertStringContainsString( 'cid:myimage.png@01CE7342.75E71F80', (string) $message['body_html'], 'the inline image keeps its cid (pointed at the attachment when shown)' );
		$email = $message['meta']['email'];
		$this->assertSame( "<$postmark_id@inbound.postmarkapp.com>", $email['message_id'], 'Postmark\'s MessageID keeps retries one message' );
		$this->assertSame( array( 'firstcc@postmarkapp.com', 'secondcc@postmarkapp.com' ), array_column( $email['cc'], 'address' ), 'CcFull' );
		$this->assertSame( array( 'yourhash+samplehash@inbound.postmarkapp.com' ), array_column( $email['to'], 'address' ) );

		$files = ( new \Switchboard\Tickets\Attachments() )->for_messages( array( (int) $message['id'] ) )[ (int) $message['id'] ] ?? array();
		$names = array_map( 'strval', array_column( $files, 'filename' ) );
		sort( $names );
		$this->assertSame( array( 'myimage.png', 'test.txt' ), $names );
		foreach ( $files as $file ) {
			$bytes = (string) file_get_contents( ( new \Switchboard\Tickets\Attachments() )->path( $file ) );
			if ( 'test.txt' === $file['filename'] ) {
				$this->assertSame( 'This is attachment contents, base-64 encoded.', $bytes );
				$this->assertSame( '', (string) $file['content_id'] );
			} else {
				$this->assertSame( "\x89PNG", substr( $bytes, 0, 4 ) );
				$this->assertSame( 'myimage.png@01CE7342.75E71F80', (string) $file['content_id'], 'ContentID kept for the cid: image' );
			}
		}

		// Postmark retries the same POST: still one message.
		$again = $this->send( $this->postmark_json( $payload ) );
		$this->assertSame( 'duplicate', ( (array) $again->get_data() )['status'] ?? null );
		$this->assertCount( 1, ( new \Switchboard\Tickets\Messages() )->for_ticket( $ticket_id, true ) );

		// Neither a raw message nor a sender nor content: nothing to import.
		$this->assertRestError( $this->send( $this->postmark_json( array( 'MessageID' => 'x' ) ) ), 400, 'switchboard_webhook_no_mime' );
	}

	/**
	 * SendGrid Inbound Parse in raw mode as PHP sees it: multipart/form-data, parsed into fields,
	 * no raw body.
	 *
	 * @param string      $mime  Raw MIME.
	 * @param string|null $token URL token.
	 */
	private function sendgrid_request( string $mime, ?string $token ): WP_REST_Request {
		$request = new WP_REST_Request( 'POST', self::ROUTE . 'sendgrid' );
		$request->set_header( 'Content-Type', 'multipart/form-data; boundary=xYzZY' );
		if ( null !== $token ) {
			$request->set_query_params( array( 'token' => $token ) );
		}
		$request->set_body_params(
			array(
				'dkim'            => '{@example.com : pass}',
				'to'              => 'support@shop.test',
				'from'            => 'Kim Customer <kim@example.com>',
				'subject'         => 'ignored',
				'sender_ip'       => '203.0.113.10',
				'spam_report'     => '',
				'envelope'        => '{"to":["support@shop.test"],"from":"kim@example.com"}',
				'charsets'        => '{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}',
				'SPF'             => 'pass',
				'spam_score'      => '0.0',
				'email'           => $mime,
				'attachments'     => '0',
				'content-ids'     => '{}',
				'attachment-info' => '{}',
			)
		);
		return $request;
	}

	public function test_sendgrid_raw_mode_with_the_url_token(): void {
		$mime = self::mime( 'SendGrid: invoice please' );
		$this->assertRestError( $this->send( $this->sendgrid_request( $mime, 'sg-token' ) ), 403, 'switchboard_webhook_not_configured' );

		WebhookController::save_credentials( array( 'sendgrid_token' => 'sg-token-456' ) );
		$this->assertRestError( $this->send( $this->sendgrid_request( $mime, null ) ), 401, 'switchboard_webhook_unsigned' );
		$this->assertRestError( $this->send( $this->sendgrid_request( $mime, 'sg-token-457' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertTicket( $this->send( $this->sendgrid_request( $mime, 'sg-token-456' ) ), 'SendGrid: invoice please' );
	}

	public function test_sendgrid_ecdsa_signature_when_the_body_is_readable(): void {
		$key = openssl_pkey_new(
			array(
				'private_key_type' => OPENSSL_KEYTYPE_EC,
				'curve_name'       => 'prime256v1',
			)
		);
		$this->assertNotFalse( $key );
		$details = openssl_pkey_get_details( $key );
		$this->assertIsArray( $details );
		// SendGrid hands out the base64 DER without the PEM armour.
		$public = (string) preg_replace( '/-----[^-]+-----|\s+/', '', (string) $details['key'] );
		WebhookController::save_credentials( array( 'sendgrid_public_key' => $public ) );

		$mime     = self::mime( 'SendGrid signed: refund' );
		$boundary = 'xYzZY';
		$body     = "--$boundary\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n$mime\r\n--$boundary--\r\n";
		$signed   = function ( int $ts, string $signed_body ) use ( $key, $boundary, $body, $mime ): WP_REST_Request {
			openssl_sign( $ts . $signed_body, $signature, $key, OPENSSL_ALGO_SHA256 );
			$request = new WP_REST_Request( 'POST', self::ROUTE . 'sendgrid' );
			$request->set_header( 'Content-Type', "multipart/form-data; boundary=$boundary" );
			$request->set_header( 'X-Twilio-Email-Event-Webhook-Timestamp', (string) $ts );
			$request->set_header( 'X-Twilio-Email-Event-Webhook-Signature', base64_encode( (string) $signature ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
			$request->set_body( $body );
			$request->set_body_params( array( 'email' => $mime ) );
			return $request;
		};

		$this->assertRestError( $this->send( $signed( time(), $body . 'tampered' ) ), 401, 'switchboard_webhook_signature' );
		$this->assertRestError( $this->send( $signed( time() - 900, $body ) ), 401, 'switchboard_webhook_stale' );
		// Only a public key, and a request without signature or readable body: refused.
		$this->assertRestError( $this->send( $this->sendgrid_request( $mime, null ) ), 401, 'switchboard_webhook_unsigned' );
		$good = $signed( time(), $body );
		$this->assertTicket( $this->send( $good ), 'SendGrid signed: refund' );
		$this->assertRestError( $this->send( $good ), 409, 'switchboard_webhook_replay' );
	}

	/**
	 * Every provider: when the raw message could not be kept — the inbound row was refused by the
	 * database, or storing it threw (a driver or plugin error half-way) — the answer is a 5xx so
	 * the provider retries, never a 200; the retry of the very same request then imports it, once.
	 */
	public function test_a_message_that_was_not_kept_answers_5xx_and_the_retry_imports_it_once(): void {
		WebhookController::save_credentials(
			array(
				'raw_secret'        => 'raw-secret-5xx',
				'mailgun_key'       => 'mg-key-5xx',
				'postmark_user'     => 'postmark',
				'postmark_password' => 'pm-pass-5xx',
				'sendgrid_token'    => 'sg-token-5xx',
			)
		);
		$requests = array(
			'raw'      => fn( string $mime ): WP_REST_Request => $this->raw_request( $mime, 'raw-secret-5xx' ),
			'mailgun'  => fn( string $mime ): WP_REST_Request => $this->mailgun_request( $mime, 'mg-key-5xx' ),
			'postmark' => fn( string $mime ): WP_REST_Request => $this->postmark_request( $mime, 'postmark:pm-pass-5xx' ),
			'sendgrid' => fn( string $mime ): WP_REST_Request => $this->sendgrid_request( $mime, 'sg-token-5xx' ),
		);
		$inbound  = \Switchboard\Db\Schema::table( 'inbound' );
		$faults   = array(
			// The database refuses the inbound row.
			'refused' => static fn( string $query ): string => str_starts_with( ltrim( $query ), "INSERT INTO `$inbound`" ) ? str_replace( "`$inbound`", '`no_such_table_for_this_test`', $query ) : $query,
			// Something throws while the message is being stored.
			'throws'  => static function ( string $query ) use ( $inbound ): string {
				if ( str_starts_with( ltrim( $query ), "INSERT INTO `$inbound`" ) ) {
					throw new \RuntimeException( 'storage failed half-way' );
				}
				return $query;
			},
		);
		foreach ( $requests as $provider => $make ) {
			foreach ( $faults as $fault => $filter ) {
				$subject = "Not lost: $provider $fault";
				$request = $make( self::mime( $subject ) );
				add_filter( 'query', $filter );
				try {
					$failed = $this->send( $request );
				} finally {
					remove_filter( 'query', $filter );
				}
				$this->assertGreaterThanOrEqual( 500, $failed->get_status(), "$provider/$fault: " . wp_json_encode( $failed->get_data() ) );
				$this->assertLessThan( 600, $failed->get_status() );
				$this->assertMatchesRegularExpression( '/^switchboard_email_/', (string) ( $failed->get_data()['code'] ?? '' ), "$provider/$fault: a WP_Error code" );

				// The provider retries the same request: imported now, as one message.
				$ticket_id = $this->assertTicket( $this->send( $request ), $subject );
				$again     = $this->send( $request );
				$this->assertContains( $again->get_status(), array( 200, 409 ), "$provider/$fault: a third delivery is a duplicate or a replay" );
				if ( 200 === $again->get_status() ) {
					$this->assertSame( 'duplicate', $again->get_data()['status'] );
				}
				$this->assertCount( 1, ( new \Switchboard\Tickets\Messages() )->for_ticket( $ticket_id, true ), "$provider/$fault" );
			}
		}
	}

	public function test_credentials_are_stored_encrypted_and_never_listed(): void {
		$admin = $this->make_user( 'administrator' );
		wp_set_current_user( $admin );
		$response = $this->rest(
			'PUT',
			'/switchboard/v1/email/webhooks',
			array(
				'mailgun_key'       => 'mg-very-secret',
				'postmark_user'     => 'postmark',
				'postmark_password' => 'pm-very-secret',
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$json = (string) wp_json_encode( $response->get_data() );
		$this->assertStringNotContainsString( 'very-secret', $json );
		$this->assertTrue( $response->get_data()['mailgun']['configured'] );
		$this->assertFalse( $response->get_data()['raw']['configured'] );
		$this->assertStringEndsWith( '/email/inbound/mailgun/mime', $response->get_data()['mailgun']['url'] );
		$this->assertStringNotContainsString( 'very-secret', (string) wp_json_encode( get_option( WebhookController::OPTION ) ), 'encrypted at rest' );
		$this->assertSame( 'mg-very-secret', WebhookController::credentials()['mailgun_key'] );

		$this->assertRestError( $this->rest( 'PUT', '/switchboard/v1/email/webhooks', array() ), 400, 'switchboard_nothing_to_update' );
		wp_set_current_user( $this->make_user( 'switchboard_agent' ) );
		$this->assertRestError( $this->rest( 'GET', '/switchboard/v1/email/webhooks' ), 403 );
		$this->as_guest();
		$this->assertRestError( $this->rest( 'PUT', '/switchboard/v1/email/webhooks', array( 'raw_secret' => 'x' ) ), 401 );
	}
}
