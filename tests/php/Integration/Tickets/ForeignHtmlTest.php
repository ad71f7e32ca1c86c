<?php
/**
 * Foreign HTML never runs in a viewer's browser: mail whose HTML cleans to nothing, crafted
 * Content-IDs, class/style overlays (issue #12, findings 1 and 2).
 *
 * @package Switchboard\Tests
 */

declare( strict_types = 1 );

namespace Switchboard\Tests\Integration\Tickets;

use Switchboard\Channels\Email\Importer;
use Switchboard\Db\Schema;
use Switchboard\Tests\TestCase;
use Switchboard\Tickets\Html;
use Switchboard\Tickets\Messages;
use Switchboard\Tickets\TicketService;

/**
 * Integration tests of Tickets\Html, Tickets\Messages::format_many() and the email path into them.
 */
final class ForeignHtmlTest extends TestCase {

	/**
	 * Elements and attributes a browser would act on in the given HTML: on* handlers, script-ish
	 * elements, javascript: URLs, style/class.
	 *
	 * @return list<string>
	 */
	public static function active_parts( string $html ): array {
		// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- DOM API.
		$found = array();
		$doc   = new \DOMDocument();
		libxml_use_internal_errors( true );
		$doc->loadHTML( '<?xml encoding="utf-8"?><html><body>' . $html . '</body></html>' );
		libxml_clear_errors();
		foreach ( $doc->getElementsByTagName( '*' ) as $element ) {
			$tag = strtolower( $element->nodeName );
			if ( in_array( $tag, array( 'script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'link', 'meta', 'base' ), true ) ) {
				$found[] = '<' . $tag . '>';
			}
			foreach ( $element->attributes ?? array() as $attribute ) {
				$name  = strtolower( $attribute->nodeName );
				$value = strtolower( (string) preg_replace( '/[\x00-\x20]+/', '', $attribute->nodeValue ) );
				if ( str_starts_with( $name, 'on' ) || in_array( $name, array( 'style', 'class', 'srcdoc', 'formaction' ), true ) ) {
					$found[] = $tag . '[' . $name . ']';
				}
				if ( in_array( $name, array( 'href', 'src', 'action' ), true ) && preg_match( '/^(javascript|vbscript|data):/', $value ) ) {
					$found[] = $tag . '[' . $name . '=' . $value . ']';
				}
			}
		}
		// phpcs:enable
		return $found;
	}

	/**
	 * The REST shape of the ticket's messages, as the agent SPA gets it.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function formatted( int $ticket_id ): array {
		$messages = new Messages();
		return array_values( $messages->format_many( $messages->for_ticket( $ticket_id ) ) );
	}

	private function mail( string $content_type_and_body, string $message_id ): string {
		return "From: Mallory <mallory@evil.test>\r\nTo: support@shop.test\r\nSubject: Hello\r\n"
			. "Message-ID: <$message_id@evil.test>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
			. $content_type_and_body;
	}

	public function test_mail_whose_html_cleans_to_nothing_shows_its_text_escaped(): void {
		$raw    = $this->mail(
			"Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
			. "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n<img src=x onerror=alert(document.domain)>\r\n"
			. "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>p{color:red}</style></head><body><script>alert(2)</script></body></html>\r\n"
			. "--b1--\r\n",
			'style-only'
		);
		$result = ( new Importer() )->import( $raw, array( 'source' => 'test' ) );
		$this->assertSame( 'stored', $result['status'] );

		$message = $this->formatted( (int) $result['ticket_id'] )[0];
		$this->assertSame( array(), self::active_parts( $message['body_html'] ), $message['body_html'] );
		$this->assertStringNotContainsString( '<img', $message['body_html'] );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(document.domain)&gt;', $message['body_html'] );
	}

	public function test_rows_stored_with_empty_html_are_shown_as_escaped_text(): void {
		global $wpdb;
		$customer = $this->make_customer();
		$ticket   = ( new TicketService() )->create(
			array(
				'customer_id' => $customer,
				'subject'     => 'Legacy',
				'message'     => array( 'body_text' => 'hello' ),
			)
		);
		$this->assertIsInt( $ticket );
		// A row as the old code stored it: HTML emptied by cleaning, the raw text part kept.
		$wpdb->update(
			Schema::table( 'messages' ),
			array(
				'body_html' => '',
				'body_text' => '<svg onload=alert(1)><script>alert(1)</script>',
			),
			array( 'ticket_id' => $ticket )
		);

		$message = $this->formatted( $ticket )[0];
		$this->assertSame( array(), self::active_parts( $message['body_html'] ) );
		$this->assertStringContainsString( '&lt;svg onload=alert(1)&gt;', $message['body_html'] );
	}

	public function test_add_message_stores_escaped_text_when_its_html_cleans_to_nothing(): void {
		$customer = $this->make_customer();
		$service  = new TicketService();
		$ticket   = $service->create(
			array(
				'customer_id' => $customer,
				'subject'     => 'Web',
				'message'     => array(
					'body_html' => '<style>*{display:none}</style><script>alert(1)</script>',
					'body_text' => '"><img src=x onerror=alert(1)>',
				),
			)
		);
		$this->assertIsInt( $ticket );
		$stored = ( new Messages() )->for_ticket( $ticket )[0];
		$this->assertSame( array(), self::active_parts( (string) $stored['body_html'] ) );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt;', (string) $stored['body_html'] );
	}

	public function test_crafted_content_id_cannot_break_out_of_the_image_source(): void {
		$raw    = $this->mail(
			"Content-Type: multipart/related; boundary=\"r1\"\r\n\r\n"
			. "--r1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
			. "<p>Photo</p><img src=\"cid:x\" title=\" onerror=alert(1) x\"><img src=\"cid:x&quot; title=\">\r\n"
			. "--r1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <x\" title=>\r\nContent-Disposition: inline\r\n\r\n"
			. "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=\r\n"
			. "--r1--\r\n",
			'crafted-cid'
		);
		$result = ( new Importer() )->import( $raw, array( 'source' => 'test' ) );
		$this->assertSame( 'stored', $result['status'] );

		$message = $this->formatted( (int) $result['ticket_id'] )[0];
		$this->assertSame( array(), self::active_parts( $message['body_html'] ), $message['body_html'] );
		// The file is not lost: with no usable Content-ID it is listed as an ordinary attachment.
		$this->assertCount( 1, $message['attachments'] );
		$this->assertFalse( (bool) $message['attachments'][0]['is_inline'] );
	}

	public function test_well_formed_content_id_still_shows_the_inline_image(): void {
		$raw    = $this->mail(
			"Content-Type: multipart/related; boundary=\"r2\"\r\n\r\n"
			. "--r2\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Photo</p><img src=\"cid:part1.abc@mail.test\" alt=\"photo\">\r\n"
			. "--r2\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <part1.abc@mail.test>\r\nContent-Disposition: inline; filename=\"p.png\"\r\n\r\n"
			. "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=\r\n"
			. "--r2--\r\n",
			'good-cid'
		);
		$result = ( new Importer() )->import( $raw, array( 'source' => 'test' ) );
		$this->assertSame( 'stored', $result['status'] );

		$message = $this->formatted( (int) $result['ticket_id'] )[0];
		$this->assertCount( 1, $message['attachments'] );
		$this->assertTrue( (bool) $message['attachments'][0]['is_inline'] );
		$this->assertStringNotContainsString( 'cid:', $message['body_html'] );
		$this->assertStringContainsString( 'src="' . esc_url( $message['attachments'][0]['url'] ) . '"', $message['body_html'] );
		$this->assertSame( array(), self::active_parts( $message['body_html'] ) );
	}

	public function test_class_and_style_cannot_borrow_the_admin_ui(): void {
		$html = Html::sanitize( '<div class="notice notice-error wp-core-ui" style="position:fixed;inset:0;z-index:99999"><p class="x">Log in again</p></div>' );
		$this->assertSame( array(), self::active_parts( $html ) );
		$this->assertStringContainsString( 'Log in again', $html );
	}

	public function test_content_id_cleaning(): void {
		$this->assertSame( 'part1.abc@mail.test', Html::clean_content_id( '<part1.abc@mail.test>' ) );
		$this->assertSame( '', Html::clean_content_id( 'x" title=' ) );
		$this->assertSame( '', Html::clean_content_id( "x'><script>" ) );
		$this->assertSame( '', Html::clean_content_id( 'a b' ) );
		$this->assertSame( '', Html::clean_content_id( '' ) );
	}

	public function test_every_corpus_payload_is_inert_as_html_as_text_and_as_a_title(): void {
		$corpus = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/hostile-input.json' ), true );
		$this->assertGreaterThanOrEqual( 40, count( $corpus['payloads'] ) );
		foreach ( $corpus['payloads'] as $entry ) {
			$payload = (string) $entry['payload'];
			$html    = Html::sanitize( $payload );
			$this->assertSame( array(), self::active_parts( $html ), $entry['id'] . ' as HTML: ' . $html );
			$this->assertSame( array(), self::active_parts( Html::for_display( '', $payload ) ), $entry['id'] . ' as text' );
			$this->assertSame( array(), self::active_parts( Html::replace_cids( '<img src="cid:' . esc_attr( $payload ) . '">' . $html, array( $payload => 'https://shop.test/a?x=' . rawurlencode( $payload ) ) ) ), $entry['id'] . ' as a Content-ID' );
			$title = \Switchboard\Kb\PlainTitles::clean( $payload );
			$this->assertDoesNotMatchRegularExpression( '/<[a-zA-Z\/!?]/', $title, $entry['id'] . ' as a help-article title' );
		}
	}

	private function make_customer(): int {
		return ( new \Switchboard\Tickets\Customers() )->resolve( 'email', 'foreign-' . wp_generate_password( 6, false ) . '@example.test', array( 'name' => 'Foreign Sender' ) );
	}
}
