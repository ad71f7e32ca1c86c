/**
 * Internal dependencies
 */
import { describeEvent } from '../sentences';

const agents = [ { id: 1, name: 'Admin', login: 'admin', avatar: '' } ];

describe( 'describeEvent', () => {
	it( 'tells revoked links, a held-back confirmation and a merge across customers', () => {
		const base = {
			id: 3,
			actor: { type: 'agent', id: 2, name: 'Agnes Agent' },
			created_at: '',
			data: {},
		};
		expect(
			describeEvent( { ...base, type: 'links_revoked' }, agents )
		).toBe(
			'Agnes Agent revoked the links mailed for this ticket: earlier links and reply addresses no longer work'
		);
		expect(
			describeEvent(
				{ ...base, type: 'confirmation_mail_suppressed' },
				agents
			)
		).toContain( 'No confirmation mail was sent' );
		expect(
			describeEvent(
				{
					...base,
					type: 'merged',
					data: {
						source_id: 7,
						source_subject: 'Late parcel',
						other_customer: true,
					},
				},
				agents
			)
		).toBe(
			'Ticket #7 (“Late parcel”) of another customer was merged into this one; each customer still sees only her own messages'
		);
	} );

	it( 'tells a failed automatic email, its retry and its success', () => {
		const base = {
			id: 2,
			actor: { type: 'system', id: 0, name: '' },
			created_at: '',
		};
		expect(
			describeEvent(
				{
					...base,
					type: 'email_failed',
					data: {
						kind: 'solved',
						to: 'una@example.com',
						error: 'SMTP Error: Could not authenticate.',
						attempts: 2,
						retry_in: 240,
					},
				},
				agents
			)
		).toBe(
			'The "solved — rate us" email to una@example.com could not be sent (SMTP Error: Could not authenticate.). Trying again in 4 min.'
		);
		expect(
			describeEvent(
				{
					...base,
					type: 'email_failed',
					data: {
						kind: 'chat_transcript',
						to: 'v@example.com',
						error: 'refused',
						attempts: 5,
						retry_in: 0,
					},
				},
				agents
			)
		).toBe(
			'The chat transcript to v@example.com could not be sent (refused). Gave up after 5 attempts.'
		);
		expect(
			describeEvent(
				{
					...base,
					type: 'email_sent',
					data: { kind: 'something_new', to: 'a@b.c', attempts: 3 },
				},
				agents
			)
		).toBe( 'An email to a@b.c was sent (attempt 3).' );
	} );

	it( 'tells how a typed address was confirmed', () => {
		const event = {
			id: 3,
			actor: { type: 'customer', id: 9, name: 'Carla' },
			created_at: '',
			type: 'sender_confirmed',
		};
		const data = { email: 'carla@example.com', via: 'chat' };
		expect(
			describeEvent(
				{ ...event, data: { ...data, how: 'link' } },
				agents
			)
		).toBe(
			'Carla confirmed carla@example.com: she answered through the link emailed to it'
		);
		expect(
			describeEvent(
				{ ...event, data: { ...data, how: 'email' } },
				agents
			)
		).toBe(
			'Carla confirmed carla@example.com: she answered from it by email'
		);
		expect(
			describeEvent(
				{ ...event, data: { ...data, how: 'account' } },
				agents
			)
		).toBe(
			'Carla confirmed carla@example.com: she answered from her signed-in account'
		);
	} );

	it( 'names statuses and people', () => {
		const base = {
			id: 1,
			actor: { type: 'agent', id: 3, name: 'Agnes' },
			created_at: '',
		};
		expect(
			describeEvent(
				{
					...base,
					type: 'status_changed',
					data: { from: 'open', to: 'pending' },
				},
				agents
			)
		).toBe( 'Agnes changed the status from Open to Pending' );
		expect(
			describeEvent(
				{ ...base, type: 'assigned', data: { from: 1, to: 0 } },
				agents
			)
		).toBe( 'Agnes unassigned the ticket' );
		expect(
			describeEvent(
				{
					...base,
					type: 'team_changed',
					data: { from: 0, to: 4, from_name: '', to_name: 'Billing' },
				},
				agents
			)
		).toBe( 'Agnes moved the ticket to the team Billing' );
		expect(
			describeEvent(
				{
					...base,
					type: 'team_changed',
					data: { from: 4, to: 0, from_name: 'Billing', to_name: '' },
				},
				agents
			)
		).toBe( 'Agnes removed the ticket from its team' );
		expect(
			describeEvent(
				{
					...base,
					type: 'created',
					actor: { type: 'system', id: 0, name: '' },
					data: { channel: 'phone' },
				},
				agents
			)
		).toBe( 'System created the ticket via Phone' );
	} );
} );
