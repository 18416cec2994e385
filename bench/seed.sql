-- Benchmark data set: a school term's worth of content, built with generate_series.
-- 2,000 users, 1,000 public problems, 50 contests (contest 1 live with 5,000 ranked users is made below),
-- 200 announcements, 200,000 practice submissions (psql variable submissions, e.g. -v submissions=1000000) and 20,000
-- submissions in contest 1, 50 achievements with their unlocks and user_stat rows. Run on an empty, migrated database.
\if :{?submissions}
\else
\set submissions 200000
\endif
BEGIN;

INSERT INTO "user" (username, password, email, admin_type, problem_permission, create_time, session_keys, open_api, is_disabled)
SELECT 'user' || i, 'pbkdf2_sha256$1000$bench$AAAA', 'user' || i || '@example.com',
       CASE WHEN i = 1 THEN 'Super Admin' ELSE 'Regular User' END, CASE WHEN i = 1 THEN 'All' ELSE 'None' END,
       now() - (i || ' minutes')::interval, '[]', false, false
FROM generate_series(1, 5000) AS i;

-- user2 authenticates benchmark requests that need a login, through the API key.
UPDATE "user" SET open_api = true, open_api_appkey = 'benchbenchbenchbenchbenchbench00' WHERE username = 'user2';

INSERT INTO user_profile (user_id, acm_problems_status, avatar, accepted_number, submission_number)
SELECT id, '{}', '/public/avatar/default.png', (id * 7) % 300, (id * 13) % 900 FROM "user";

INSERT INTO problem (_id, contest_id, is_public, title, description, input_description, output_description, samples,
                     test_case_id, test_case_score, hint, languages, template, create_time, created_by_id, time_limit,
                     memory_limit, visible, difficulty, source, submission_number, accepted_number, statistic_info)
SELECT (1000 + i)::text, NULL, false, 'Problem ' || i, '<p>Read two integers and print their sum.</p>', '<p>a b</p>', '<p>a+b</p>',
       '[{"input": "1 2", "output": "3"}]', md5(i::text), '[{"input_name": "1.in", "output_name": "1.out", "score": 0}]',
       NULL, '["C", "C++", "Python3", "Java"]', '{}', now() - (i || ' hours')::interval, 1, 1000, 256, true,
       (ARRAY['Low', 'Mid', 'High'])[1 + i % 3], 'bench', i * 10, i * 4, '{"0": 4, "-1": 6}'
FROM generate_series(1, 1000) AS i;

INSERT INTO contest (title, description, tag, password, start_time, end_time, created_by_id, visible, allowed_ip_ranges)
SELECT 'Contest ' || i, '<p>Contest</p>', '练习', NULL, now() - ((i * 2) || ' days')::interval,
       CASE WHEN i = 1 THEN now() + interval '30 days' ELSE now() - ((i * 2 - 1) || ' days')::interval END, 1, true, '[]'
FROM generate_series(1, 50) AS i;

INSERT INTO problem (_id, contest_id, is_public, title, description, input_description, output_description, samples,
                     test_case_id, test_case_score, languages, template, create_time, created_by_id, time_limit,
                     memory_limit, visible, difficulty, statistic_info)
SELECT chr(64 + p), c.id, false, 'Contest problem ' || p, '<p>d</p>', '<p>i</p>', '<p>o</p>', '[]', md5(c.id || '-' || p),
       '[]', '["C", "Python3"]', '{}', now(), 1, 1000, 256, true, 'Mid', '{}'
FROM contest c, generate_series(1, 6) AS p;

INSERT INTO acm_contest_rank (user_id, contest_id, submission_number, accepted_number, total_time, submission_info)
SELECT u.id, 1, 3 + u.id % 10, u.id % 7, (u.id * 37) % 20000,
       jsonb_build_object((SELECT min(id) FROM problem WHERE contest_id = 1)::text,
                          jsonb_build_object('is_ac', u.id % 2 = 0, 'ac_time', u.id % 3600, 'error_number', u.id % 4, 'is_first_ac', u.id = 2))
FROM "user" u;

INSERT INTO announcement (title, content, tag, create_time, last_update_time, visible, top, created_by_id)
SELECT 'Announcement ' || i, '<p>Welcome</p>', '公告', now() - (i || ' hours')::interval, now(), true, i <= 2, 1
FROM generate_series(1, 200) AS i;

INSERT INTO submission (id, contest_id, problem_id, create_time, user_id, username, code, result, info, language, shared, statistic_info, ip)
SELECT md5('s' || i), NULL, (SELECT min(id) FROM problem) + i % 1000, now() - (i || ' seconds')::interval,
       2 + i % 4999, 'user' || (2 + i % 4999), 'print(sum(map(int, input().split())))', (ARRAY[0, -1, 0, 1, 0])[1 + i % 5], '{}',
       'Python3', false, '{"time_cost": 12, "memory_cost": 1048576}', '127.0.0.1'
FROM generate_series(1, :submissions) AS i;

INSERT INTO submission (id, contest_id, problem_id, create_time, user_id, username, code, result, info, language, shared, statistic_info, ip)
SELECT md5('c' || i), 1, (SELECT min(id) FROM problem WHERE contest_id = 1) + i % 6, now() - interval '1 day' + (i || ' seconds')::interval,
       2 + i % 4999, 'user' || (2 + i % 4999), 'print(1)', (ARRAY[0, -1, 0, 1, -2])[1 + i % 5], '{}',
       'Python3', false, '{"time_cost": 12, "memory_cost": 1048576}', '127.0.0.1'
FROM generate_series(1, 20000) AS i;

-- 50 achievements; every tenth user has unlocked the first ten, user2 has two of them still to show (pending toasts).
INSERT INTO achievement (name, description, icon, rarity, hidden, metric, operator, threshold, visible, unlock_count, "order", create_time)
SELECT 'Achievement ' || i, 'Reach ' || (i * 5), 'noto:trophy', (ARRAY['bronze', 'silver', 'gold', 'platinum'])[1 + i % 4], i % 10 = 0,
       (ARRAY['accepted_count', 'submission_count', 'active_days', 'languages_used', 'first_try_ac_count'])[1 + i % 5], 'gte', i * 5,
       true, CASE WHEN i <= 10 THEN 500 ELSE 0 END, i, now()
FROM generate_series(1, 50) AS i;

INSERT INTO user_achievement (unlock_time, backfilled, notified, achievement_id, user_id)
SELECT now() - (a.id || ' minutes')::interval, false, NOT (u.username = 'user2' AND a."order" <= 2), a.id, u.id
FROM achievement a, "user" u
WHERE a."order" <= 10 AND u.id % 10 = (SELECT id FROM "user" WHERE username = 'user2') % 10;

INSERT INTO user_stat (user_id, metrics, update_time)
SELECT id, jsonb_build_object('accepted_count', (id * 7) % 300, 'submission_count', (id * 13) % 900, 'active_days', id % 60,
                              '_active_dates', '[]'::jsonb, '_languages', '["Python3"]'::jsonb), now()
FROM "user";

COMMIT;
ANALYZE;
