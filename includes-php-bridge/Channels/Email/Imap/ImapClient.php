<?php
/**
 * A small IMAP4rev1 client over PHP streams (no imap extension needed).
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

namespace Switchboard\Channels\Email\Imap;

/**
 * Just what polling needs: LOGIN, SELECT, UID SEARCH, UID FETCH BODY.PEEK[], UID STORE,
 * UID MOVE (or COPY + \Deleted + EXPUNGE), APPEND, LOGOUT; implicit TLS or STARTTLS.
 * Errors throw ImapException with the server's words.
 */
final class ImapClient {

	/**
	 * Socket.
	 *
	 * @var resource|null
	 */
	private $stream = null;

	/**
	 * Tag counter.
	 *
	 * @var int
	 */
	private int $tag = 0;

	/**
	 * Server capabilities (upper case).
	 *
	 * @var string[]
	 */
	private array $capabilities = array();

	/**
	 * Connects and reads the greeting.
	 *
	 * @param string $host     Host.
	 * @param int    $port     Port.
	 * @param string $security ssl|starttls|none.
	 * @param int    $timeout  Seconds.
	 * @param bool   $verify   Verify TLS certificates.
	 * @throws ImapException On failure.
	 */
	public function connect( string $host, int $port, string $security = 'ssl', int $timeout = 20, bool $verify = true ): void {
		$context = stream_context_create(
			array(
				'ssl' => array(
					'verify_peer'      => $verify,
					'verify_peer_name' => $verify,
					'SNI_enabled'      => true,
					'peer_name'        => $host,
				),
			)
		);
		$scheme  = 'ssl' === $security ? 'ssl' : 'tcp';
		$errno   = 0;
		$errstr  = '';
		$stream  = @stream_socket_client( $scheme . '://' . $host . ':' . $port, $errno, $errstr, $timeout, STREAM_CLIENT_CONNECT, $context ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
		if ( false === $stream ) {
			/* translators: 1: host:port, 2: error */
			throw new ImapException( sprintf( __( 'Cannot connect to %1$s: %2$s', 'switchboard' ), $host . ':' . $port, '' !== $errstr ? $errstr : 'error ' . $errno ) );
		}
		stream_set_timeout( $stream, $timeout );
		$this->stream = $stream;
		$greeting     = $this->read_line();
		if ( ! str_starts_with( $greeting, '* OK' ) && ! str_starts_with( $greeting, '* PREAUTH' ) ) {
			/* translators: %s: server greeting */
			throw new ImapException( sprintf( __( 'Unexpected IMAP greeting: %s', 'switchboard' ), trim( $greeting ) ) );
		}
		if ( 'starttls' === $security ) {
			$this->command( 'STARTTLS' );
			if ( true !== @stream_socket_enable_crypto( $this->stream, true, STREAM_CRYPTO_METHOD_TLS_CLIENT ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
				throw new ImapException( __( 'STARTTLS failed.', 'switchboard' ) );
			}
		}
	}

	/**
	 * Logs in.
	 *
	 * @param string $user     User.
	 * @param string $password Password.
	 * @throws ImapException On failure.
	 */
	public function login( string $user, string $password ): void {
		$response = $this->command( 'LOGIN ' . self::quote( $user ) . ' ' . self::quote( $password ) );
		$this->read_capabilities( $response );
		if ( array() === $this->capabilities ) {
			$this->read_capabilities( $this->command( 'CAPABILITY' ) );
		}
	}

	/**
	 * Selects a folder.
	 *
	 * @param string $folder Folder (modified UTF-7 is the caller's business for non-ASCII names).
	 * @return array{uidvalidity: int, exists: int, uidnext: int}
	 * @throws ImapException On failure.
	 */
	public function select( string $folder ): array {
		$lines = $this->command( 'SELECT ' . self::quote( $folder ) );
		$out   = array(
			'uidvalidity' => 0,
			'exists'      => 0,
			'uidnext'     => 0,
		);
		foreach ( $lines as $line ) {
			if ( preg_match( '/UIDVALIDITY (\d+)/i', $line, $m ) ) {
				$out['uidvalidity'] = (int) $m[1];
			} elseif ( preg_match( '/UIDNEXT (\d+)/i', $line, $m ) ) {
				$out['uidnext'] = (int) $m[1];
			} elseif ( preg_match( '/^\* (\d+) EXISTS/i', $line, $m ) ) {
				$out['exists'] = (int) $m[1];
			}
		}
		return $out;
	}

	/**
	 * UIDs greater than $after, ascending.
	 *
	 * @param int $after Last processed UID.
	 * @return int[]
	 * @throws ImapException On failure.
	 */
	public function uids_after( int $after ): array {
		$uids = array();
		foreach ( $this->command( 'UID SEARCH UID ' . ( $after + 1 ) . ':*' ) as $line ) {
			if ( preg_match( '/^\* SEARCH\s*(.*)$/i', $line, $m ) ) {
				$found = preg_split( '/\s+/', trim( $m[1] ) );
				foreach ( false === $found ? array() : $found as $uid ) {
					if ( ctype_digit( $uid ) && (int) $uid > $after ) {
						$uids[] = (int) $uid;
					}
				}
			}
		}
		sort( $uids );
		return $uids;
	}

	/**
	 * The raw message of a UID (without setting \Seen), or null when it is gone.
	 *
	 * @param int $uid UID.
	 * @throws ImapException On failure.
	 */
	public function fetch_raw( int $uid ): ?string {
		$tag = $this->send( 'UID FETCH ' . $uid . ' (UID BODY.PEEK[])' );
		$raw = null;
		while ( true ) {
			$line = $this->read_line();
			if ( str_starts_with( $line, $tag . ' ' ) ) {
				$this->check_status( $tag, $line );
				return $raw;
			}
			if ( preg_match( '/\{(\d+)\}\r\n$/', $line, $m ) ) {
				$literal = $this->read_bytes( (int) $m[1] );
				if ( null === $raw && preg_match( '/BODY\[\]/i', $line ) ) {
					$raw = $literal;
				}
				$this->read_line(); // Rest of the FETCH response (")").
			}
		}
	}

	/**
	 * Marks a UID \Seen.
	 *
	 * @param int $uid UID.
	 * @throws ImapException On failure.
	 */
	public function mark_seen( int $uid ): void {
		$this->command( 'UID STORE ' . $uid . ' +FLAGS.SILENT (\\Seen)' );
	}

	/**
	 * Moves a UID to a folder (MOVE when supported, else COPY + \Deleted + EXPUNGE).
	 *
	 * @param int    $uid    UID.
	 * @param string $folder Target.
	 * @throws ImapException On failure.
	 */
	public function move( int $uid, string $folder ): void {
		if ( in_array( 'MOVE', $this->capabilities, true ) ) {
			$this->command( 'UID MOVE ' . $uid . ' ' . self::quote( $folder ) );
			return;
		}
		$this->command( 'UID COPY ' . $uid . ' ' . self::quote( $folder ) );
		$this->command( 'UID STORE ' . $uid . ' +FLAGS.SILENT (\\Deleted)' );
		$this->command( in_array( 'UIDPLUS', $this->capabilities, true ) ? 'UID EXPUNGE ' . $uid : 'EXPUNGE' );
	}

	/**
	 * Creates a folder (ignores "already exists").
	 *
	 * @param string $folder Folder.
	 */
	public function create_folder( string $folder ): void {
		try {
			$this->command( 'CREATE ' . self::quote( $folder ) );
		} catch ( ImapException $e ) {
			unset( $e );
		}
	}

	/**
	 * Appends a raw message to a folder (tests, sent copies).
	 *
	 * @param string $folder Folder.
	 * @param string $raw    Raw message.
	 * @throws ImapException On failure.
	 */
	public function append( string $folder, string $raw ): void {
		$tag = $this->send( 'APPEND ' . self::quote( $folder ) . ' {' . strlen( $raw ) . '}' );
		// Untagged responses (another session's "* 3 EXISTS") may come before the continuation.
		while ( true ) {
			$line = $this->read_line();
			if ( str_starts_with( $line, '+' ) ) {
				break;
			}
			if ( str_starts_with( $line, $tag . ' ' ) ) {
				$this->check_status( $tag, $line );
				throw new ImapException( trim( $line ) ); // OK without a continuation: the literal was not sent.
			}
		}
		$this->write( $raw . "\r\n" );
		$this->finish( $tag );
	}

	/**
	 * Logs out and closes.
	 */
	public function logout(): void {
		if ( null !== $this->stream ) {
			try {
				$this->command( 'LOGOUT' );
			} catch ( ImapException $e ) {
				unset( $e );
			}
			fclose( $this->stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			$this->stream = null;
		}
	}

	/**
	 * Sends a command and returns its untagged lines.
	 *
	 * @param string $command Command without tag.
	 * @return string[]
	 * @throws ImapException On NO/BAD.
	 */
	private function command( string $command ): array {
		return $this->finish( $this->send( $command ) );
	}

	/**
	 * Reads until the tagged response.
	 *
	 * @param string $tag Tag.
	 * @return string[]
	 * @throws ImapException On NO/BAD.
	 */
	private function finish( string $tag ): array {
		$lines = array();
		while ( true ) {
			$line = $this->read_line();
			if ( str_starts_with( $line, $tag . ' ' ) ) {
				$this->check_status( $tag, $line );
				$lines[] = $line;
				return $lines;
			}
			// A response may carry several literals ("{n}" at the end of each continued line).
			while ( preg_match( '/\{(\d+)\}\r\n$/', $line, $m ) ) {
				$line .= $this->read_bytes( (int) $m[1] ) . $this->read_line();
			}
			$lines[] = $line;
		}
	}

	/**
	 * Throws unless the tagged line says OK.
	 *
	 * @param string $tag  Tag.
	 * @param string $line Tagged line.
	 * @throws ImapException On NO/BAD.
	 */
	private function check_status( string $tag, string $line ): void {
		$status = strtoupper( (string) strtok( substr( $line, strlen( $tag ) + 1 ), ' ' ) );
		if ( 'OK' !== $status ) {
			throw new ImapException( trim( substr( $line, strlen( $tag ) + 1 ) ) );
		}
	}

	/**
	 * Writes a tagged command.
	 *
	 * @param string $command Command.
	 * @return string Tag.
	 */
	private function send( string $command ): string {
		$tag = 'A' . str_pad( (string) ++$this->tag, 4, '0', STR_PAD_LEFT );
		$this->write( $tag . ' ' . $command . "\r\n" );
		return $tag;
	}

	/**
	 * Writes bytes.
	 *
	 * @param string $data Bytes.
	 * @throws ImapException When not connected or the write fails.
	 */
	private function write( string $data ): void {
		if ( null === $this->stream ) {
			throw new ImapException( __( 'Not connected to the IMAP server.', 'switchboard' ) );
		}
		$length = strlen( $data );
		$done   = 0;
		while ( $done < $length ) {
			$written = fwrite( $this->stream, substr( $data, $done, 65536 ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( false === $written || 0 === $written ) {
				throw new ImapException( __( 'The IMAP connection was lost.', 'switchboard' ) );
			}
			$done += $written;
		}
	}

	/**
	 * Reads one CRLF line.
	 *
	 * @throws ImapException On timeout or EOF.
	 */
	private function read_line(): string {
		if ( null === $this->stream ) {
			throw new ImapException( __( 'Not connected to the IMAP server.', 'switchboard' ) );
		}
		$line = fgets( $this->stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( false === $line ) {
			$meta = stream_get_meta_data( $this->stream );
			throw new ImapException( ! empty( $meta['timed_out'] ) ? __( 'The IMAP server timed out.', 'switchboard' ) : __( 'The IMAP connection was closed.', 'switchboard' ) );
		}
		return $line;
	}

	/**
	 * Reads exactly $length bytes (a literal).
	 *
	 * @param int $length Bytes.
	 * @throws ImapException On EOF.
	 */
	private function read_bytes( int $length ): string {
		$out  = '';
		$read = 0;
		while ( $read < $length ) {
			$chunk = fread( $this->stream, min( 65536, $length - $read ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( false === $chunk || ( '' === $chunk && feof( $this->stream ) ) ) {
				throw new ImapException( __( 'The IMAP connection was closed.', 'switchboard' ) );
			}
			$out  .= $chunk;
			$read += strlen( $chunk );
		}
		return $out;
	}

	/**
	 * Reads CAPABILITY from response lines.
	 *
	 * @param string[] $lines Lines.
	 */
	private function read_capabilities( array $lines ): void {
		foreach ( $lines as $line ) {
			if ( preg_match( '/CAPABILITY ([^\]\r\n]*)/i', $line, $m ) ) {
				$found              = preg_split( '/\s+/', trim( $m[1] ) );
				$this->capabilities = array_map( 'strtoupper', false === $found ? array() : $found );
			}
		}
	}

	/**
	 * An IMAP quoted string (or a literal-free form for safe values).
	 *
	 * @param string $value Value.
	 */
	private static function quote( string $value ): string {
		return '"' . str_replace( array( '\\', '"' ), array( '\\\\', '\\"' ), str_replace( array( "\r", "\n" ), '', $value ) ) . '"';
	}
}
