#!/usr/bin/env node
/**
 * Prints the gzip size of every script in plugin/build (a bench line per file) and checks the
 * admin SPA's initial script — what wp-admin loads before any route chunk — against its budget.
 *
 *   node bin/bundle-size.js            print sizes, exit 1 when over budget
 *   node bin/bundle-size.js --json     the same as JSON
 *
 * Only our own code is counted: WordPress packages are externals (wp.*) and load from core.
 */

/**
 * External dependencies
 */
const fs = require( 'fs' );
const path = require( 'path' );
const zlib = require( 'zlib' );

const BUILD = path.join( __dirname, '..', 'plugin', 'build' );
const INITIAL = 'admin.js';
const BUDGET = 60 * 1024;

function scripts( dir, prefix = '' ) {
	if ( ! fs.existsSync( dir ) ) {
		return [];
	}
	return fs
		.readdirSync( dir, { withFileTypes: true } )
		.flatMap( ( entry ) => {
			const rel = path.join( prefix, entry.name );
			if ( entry.isDirectory() ) {
				return scripts( path.join( dir, entry.name ), rel );
			}
			return entry.name.endsWith( '.js' ) ? [ rel ] : [];
		} );
}

const rows = scripts( BUILD )
	.sort()
	.map( ( file ) => {
		const raw = fs.readFileSync( path.join( BUILD, file ) );
		return {
			file,
			bytes: raw.length,
			gzip: zlib.gzipSync( raw, { level: 9 } ).length,
		};
	} );

if ( rows.length === 0 ) {
	process.stderr.write(
		'bundle-size: plugin/build has no scripts; run `npm run build` first.\n'
	);
	process.exit( 1 );
}

const initial = rows.find( ( row ) => row.file === INITIAL );
const overBudget = !! initial && initial.gzip > BUDGET;

if ( process.argv.includes( '--json' ) ) {
	process.stdout.write(
		JSON.stringify(
			{ budget: BUDGET, initial: INITIAL, files: rows, overBudget },
			null,
			2
		) + '\n'
	);
} else {
	const kb = ( n ) => ( n / 1024 ).toFixed( 1 ) + ' KB';
	for ( const row of rows ) {
		process.stdout.write(
			`bench bundle ${ row.file.padEnd( 28 ) } ${ kb(
				row.bytes
			).padStart( 9 ) } min  ${ kb( row.gzip ).padStart( 8 ) } gzip\n`
		);
	}
	if ( initial ) {
		process.stdout.write(
			`bench bundle initial admin JS: ${ kb(
				initial.gzip
			) } gzip (budget ${ kb( BUDGET ) }) ${
				overBudget ? 'OVER BUDGET' : 'ok'
			}\n`
		);
	}
}

process.exit( overBudget ? 1 : 0 );
