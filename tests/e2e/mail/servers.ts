/**
 * The project's own mail servers for the email specs: Dovecot (bin/lib-mail/dovecot.sh) and the
 * SMTP sink (bin/lib-mail/smtp.sh), on this runtime's ports (SWITCHBOARD_IMAP_PORT,
 * SWITCHBOARD_SMTP_PORT) with files under SWITCHBOARD_RUNTIME_DIR — the same variables the
 * scripts and the test site's wp-config.php read.
 *
 * Mail is delivered into Dovecot with IMAP APPEND over a plain socket, as a mail client or an
 * MDA would; nothing is written into its maildirs behind its back.
 */

/**
 * External dependencies
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const REPO = path.join( __dirname, '..', '..', '..' );
export const RUNTIME_DIR =
	process.env.SWITCHBOARD_RUNTIME_DIR || path.join( REPO, '.runtime' );
export const SINK_DIR = path.join( RUNTIME_DIR, 'smtp-sink' );
export const IMAP_HOST = '127.0.0.1';
export const IMAP_PORT = Number( process.env.SWITCHBOARD_IMAP_PORT || 10143 );
export const IMAP_USER = 'support@shop.test';
export const IMAP_PASSWORD = 'secret';

/**
 * Starts Dovecot and the SMTP sink (idempotent); throws with the scripts' output when one cannot
 * start.
 */
export function startMailServers(): void {
	for ( const script of [ 'dovecot.sh', 'smtp.sh' ] ) {
		execFileSync( 'bash', [ `bin/lib-mail/${ script }`, 'start' ], {
			cwd: REPO,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
	}
}

/**
 * One IMAP session: LOGIN, the given steps, LOGOUT. Each step is a command (tagged for you), or
 * an APPEND with its literal.
 *
 * @param steps Commands, e.g. `CREATE "x"`, or { append: folder, message }.
 */
export async function imap(
	steps: Array< string | { append: string; message: string } >
): Promise< string[] > {
	const socket = net.connect( IMAP_PORT, IMAP_HOST );
	socket.setTimeout( 15_000 );
	let buffer = '';
	const waiters: Array< () => void > = [];
	socket.on( 'data', ( chunk ) => {
		buffer += chunk.toString( 'latin1' );
		waiters.splice( 0 ).forEach( ( wake ) => wake() );
	} );
	const failed = new Promise< never >( ( _, reject ) => {
		socket.on( 'error', reject );
		socket.on( 'timeout', () =>
			reject(
				new Error( `IMAP timeout; got: ${ buffer.slice( -300 ) }` )
			)
		);
	} );
	// Resolves with everything up to and including the first line that matches.
	const until = async ( test: RegExp ): Promise< string > => {
		for (;;) {
			const lines = buffer.split( '\r\n' );
			for ( let i = 0; i < lines.length - 1; i++ ) {
				if ( test.test( lines[ i ] ) ) {
					const taken = lines.slice( 0, i + 1 ).join( '\r\n' );
					buffer = lines.slice( i + 1 ).join( '\r\n' );
					return taken;
				}
			}
			await Promise.race( [
				new Promise< void >( ( wake ) => waiters.push( wake ) ),
				failed,
			] );
		}
	};
	const answers: string[] = [];
	let n = 0;
	const run = async ( command: string, literal?: Buffer ) => {
		const tag = `e${ ++n }`;
		if ( literal ) {
			socket.write( `${ tag } ${ command } {${ literal.length }}\r\n` );
			await until( /^\+/ );
			socket.write( Buffer.concat( [ literal, Buffer.from( '\r\n' ) ] ) );
		} else {
			socket.write( `${ tag } ${ command }\r\n` );
		}
		const answer = await until( new RegExp( `^${ tag } (OK|NO|BAD)` ) );
		if ( ! new RegExp( `^${ tag } OK`, 'm' ).test( answer ) ) {
			throw new Error( `IMAP ${ command }: ${ answer }` );
		}
		answers.push( answer );
	};
	try {
		await until( /^\* OK/ );
		await run( `LOGIN "${ IMAP_USER }" "${ IMAP_PASSWORD }"` );
		for ( const step of steps ) {
			if ( typeof step === 'string' ) {
				await run( step );
			} else {
				await run(
					`APPEND "${ step.append }"`,
					Buffer.from( step.message.replace( /\r?\n/g, '\r\n' ) )
				);
			}
		}
		socket.write( `e${ ++n } LOGOUT\r\n` );
	} finally {
		socket.end();
	}
	return answers;
}

export interface SunkMail {
	file: string;
	raw: string;
	envelope: { mail_from: string; rcpt_to: string[] };
}

/**
 * Mail the sink received, oldest first, optionally only files newer than `after`.
 *
 * @param after Names (numbers) of files already there.
 */
export function sunkMail( after = 0 ): SunkMail[] {
	if ( ! fs.existsSync( SINK_DIR ) ) {
		return [];
	}
	return fs
		.readdirSync( SINK_DIR )
		.map( ( name ) => name.match( /^(\d+)\.eml$/ ) )
		.filter(
			( m ): m is RegExpMatchArray => !! m && Number( m[ 1 ] ) > after
		)
		.sort( ( a, b ) => Number( a[ 1 ] ) - Number( b[ 1 ] ) )
		.map( ( m ) => ( {
			file: m[ 0 ],
			raw: fs.readFileSync( path.join( SINK_DIR, m[ 0 ] ), 'utf8' ),
			envelope: JSON.parse(
				fs.readFileSync(
					path.join( SINK_DIR, `${ m[ 1 ] }.json` ),
					'utf8'
				)
			),
		} ) );
}

/**
 * The highest file number in the sink now.
 */
export function sinkMark(): number {
	if ( ! fs.existsSync( SINK_DIR ) ) {
		return 0;
	}
	return fs
		.readdirSync( SINK_DIR )
		.map( ( name ) => Number( name.match( /^(\d+)\.eml$/ )?.[ 1 ] ?? 0 ) )
		.reduce( ( a, b ) => Math.max( a, b ), 0 );
}

/**
 * One header of a raw message (unfolded), or ''.
 *
 * @param raw  Raw message.
 * @param name Header name.
 */
export function header( raw: string, name: string ): string {
	const head = raw.split( /\r?\n\r?\n/ )[ 0 ].replace( /\r?\n[ \t]+/g, ' ' );
	const match = head.match( new RegExp( `^${ name }:[ \\t]*(.*)$`, 'im' ) );
	return match ? match[ 1 ].trim() : '';
}
