-- The source document and its five 取組の種類 (descriptions verbatim from the source).
INSERT INTO source_document (id, title, series, parts, as_of, as_of_text) VALUES
  (1, '「地域とのつながり」に関する施策事例', '他自治体の事例',
   '②地域とのつながりをつくる／③地域とのつながりを成長後も保ち続ける',
   DATE '2025-03-04', '登録者は2025年3月4日現在');

INSERT INTO category (code, number, name_ja, name_en, description_ja, description_en, data_note_ja, data_note_en) VALUES
  ('sns', 1, 'SNS', 'Social media',
   '自治体出身者に対し、移住・就職・イベント等の情報をSNSで発信する取組。',
   'Initiatives that send people from the municipality information on relocation, jobs, events and more through social media.',
   NULL, NULL),
  ('gifts', 2, '地元産品等の贈り物', 'Gifts of local products',
   '自治体出身の大学生等に対し、地元の特産品の送付や親の仕送りに対する支援等を行う取組。',
   'Initiatives that send local specialities to university students and others from the municipality, or support the parcels their parents send.',
   '出典の「取組の種類」では「地元産品等の贈り物」、事例表の見出しでは「地元産品の贈り物」（「等」なし）と表記されています。本カタログは「取組の種類」の表記を区分名としています。',
   'The source''s list of initiative types says 「地元産品等の贈り物」, while its case tables are headed 「地元産品の贈り物」 (without 「等」). The catalogue uses the wording of the list of types.'),
  ('co-creation', 3, '地域との協働', 'Working with the community',
   '地域が実施する様々な活動に参画することで、地域とのつながりをつくる取組。',
   'Initiatives that build ties with the community by taking part in the many activities it runs.',
   NULL, NULL),
  ('alumni-exchange', 4, '自治体出身者等の交流', 'Exchange among people from the municipality',
   '自治体出身者によるコミュニティ形成やイベント・交流会の実施等の取組。',
   'Initiatives such as communities formed by people from the municipality, events and get-togethers.',
   NULL, NULL),
  ('other', 5, 'その他', 'Other',
   'その他、地域とのつながりをつくり、成長後も保ち続ける取組。',
   'Other initiatives that build ties with the community and keep them after young people grow up.',
   NULL, NULL);
