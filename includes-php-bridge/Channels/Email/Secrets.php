<?php
/**
 * Encryption for mailbox passwords and webhook secrets.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email;

/**
 * libsodium secretbox with a key derived from the site's salts: a database dump alone does not
 * reveal the IMAP password; wp-config.php is needed too.
 */
final class Secrets {

	private const PREFIX = 'sb1:';

	/**
	 * Encryption key (32 bytes).
	 *
	 * @param string|null $key Raw key; null derives it from wp_salt().
	 */
	public function __construct( private ?string $key = null ) {}

	/**
	 * The key.
	 */
	private function key(): string {
		if ( null === $this->key ) {
			$this->key = hash_hmac( 'sha256', 'switchboard-mailbox-secrets', wp_salt( 'secure_auth' ) . wp_salt( 'auth' ), true );
		}
		return $this->key;
	}

	/**
	 * Encrypts a secret ('' stays '').
	 *
	 * @param string $plain Secret.
	 */
	public function encrypt( string $plain ): string {
		if ( '' === $plain ) {
			return '';
		}
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return self::PREFIX . base64_encode( $nonce . sodium_crypto_secretbox( $plain, $nonce, $this->key() ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	/**
	 * Decrypts a secret; '' when it cannot be decrypted (salts changed).
	 *
	 * @param string $stored Stored value.
	 */
	public function decrypt( string $stored ): string {
		if ( ! str_starts_with( $stored, self::PREFIX ) ) {
			return '';
		}
		$bytes = base64_decode( substr( $stored, strlen( self::PREFIX ) ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		if ( false === $bytes || strlen( $bytes ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ) {
			return '';
		}
		$plain = sodium_crypto_secretbox_open( substr( $bytes, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), substr( $bytes, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), $this->key() );
		return false === $plain ? '' : $plain;
	}
}
