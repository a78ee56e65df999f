-- The 15 programs of 「地域とのつながり」に関する施策事例, every field as in the source.
-- Wording is verbatim (checked by SourceFidelityTest); readings (name_kana), channel, lifecycle and the
-- structured eligibility are the catalogue's reading of the source, documented in docs/data-model.md.
-- Ids are explicit so that /programs/{id} stays stable; identities restart above them at the end.

-- program(id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
--         start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit,
--         eligibility_text, examples_heading, source_document_id, source_section, source_order,
--         created_at, updated_at, updated_by)

-- 1 SNS ------------------------------------------------------------------------------------------------
INSERT INTO program (id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
  start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit, eligibility_text,
  examples_heading, source_document_id, source_section, source_order, created_at, updated_at, updated_by) VALUES
 (1, 'PUBLISHED', 'Jimoto TOCHIGI', 'じもととちぎ', 'sns', '09', NULL, 2022, 3, NULL, NULL, 'LINE', 'ONGOING',
  '主に東京圏在住で栃木県出身の若者向けに特化した栃木県LINE公式アカウント', NULL,
  '主に東京圏在住で栃木県出身の35歳以下の若者',
  NULL, 1, '1 SNS', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (2, 'PUBLISHED', '宮津ふるさと市民制度「MIYAZUTTO！」', 'みやづふるさとしみんせいどみやづっと', 'sns', '26', '262056', 2025, 10, NULL, NULL, 'LINE', 'ONGOING',
  'UITターンの促進や関係人口の創出につなげるため、宮津市出身の若者層や来訪者等に対して「情報の接点」を持つことを目的に、定期的にLINEで地域情報の発信を行う、ふるさと市民制度',
  '宮津市内で使えるお得なクーポン',
  '宮津市在住または宮津市在学の高校生
宮津市出身者または宮津市に在学していた方(19歳～35歳)
その他、宮津市民の方、宮津市に関心のある方、宮津市を応援したい方',
  NULL, 1, '1 SNS', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (3, 'PUBLISHED', 'くまらバ', 'くまらば', 'sns', '43', NULL, 2024, 2, NULL, NULL, 'LINE', 'ONGOING',
  '熊本県出身者向けLINE公式アカウント', NULL,
  '熊本県出身者',
  NULL, 1, '1 SNS', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (4, 'PUBLISHED', 'もどかご！', 'もどかご', 'sns', '46', NULL, 2023, 7, NULL, NULL, 'LINE', 'ONGOING',
  '鹿児島島への就職を考えている若者に対し、「暮らす・働く・遊ぶ」魅力を発信するLINE公式アカウント', NULL,
  '鹿児島島への就職を考える人',
  NULL, 1, '1 SNS', 4, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed');

-- 2 地元産品の贈り物 -------------------------------------------------------------------------------------
INSERT INTO program (id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
  start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit, eligibility_text,
  examples_heading, source_document_id, source_section, source_order, created_at, updated_at, updated_by) VALUES
 (5, 'PUBLISHED', 'ふるさと南部からのエール便', 'ふるさとなんぶからのえーるびん', 'gifts', '02', '024457', NULL, NULL, NULL, NULL, 'DELIVERY', 'ONGOING',
  'ふるさとの良さを再認識してもらうため、地元南部町を離れて大学等に修学している学生に対して、「ふるさと南部からのエール便」を送付',
  '町内で生産・加工された特産品の詰め合わせ',
  '大学、高等専門学校(4、5年生)、専修学校、専門職大学等に修学しており、自宅外から通学している方
※ 申請は、大学生等を持つ親で町内に居住する方に限る',
  NULL, 1, '2 地元産品の贈り物', 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (6, 'PUBLISHED', 'ふるさと仕送り支援事業', 'ふるさとしおくりしえんじぎょう', 'gifts', '05', '052078', NULL, NULL, NULL, NULL, 'DELIVERY', 'ONGOING',
  '各家庭から送付する仕送りについて、年間6回分を上限にその送料を市が負担する',
  '年間6回分を上限にその送料を市が負担する',
  '湯沢市外に住む市出身学生(中学生、高校生、大学生、短大生、高専生、大学院生、専門学生、予備校生)がいる家庭
※ 実家が湯沢市内にない方は対象とならない',
  NULL, 1, '2 地元産品の贈り物', 6, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (7, 'PUBLISHED', 'もりおかエール便', 'もりおかえーるびん', 'gifts', '03', '032018', NULL, NULL, NULL, NULL, 'DELIVERY', 'ONGOING',
  '親元を離れて県外に住む高校生や大学生等を、盛岡の特産品で応援することを目的に実施',
  '盛岡三大麺 + 盛岡の特産品(名菓、せんべい汁など)',
  '日本国内かつ岩手県外在住の申込み時点で15歳以上25歳以下の学生
盛岡市に住所を有する方の子',
  NULL, 1, '2 地元産品の贈り物', 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (8, 'PUBLISHED', 'ひたちなか学生エール便～ネモフィラBOX～', 'ひたちなかがくせいえーるびんねもふぃらぼっくす', 'gifts', '08', '082210', NULL, NULL, NULL, NULL, 'DELIVERY', 'ONGOING',
  '進学によって、市外で生活する学生を応援するとともに、ふるさとであるひたちなか市を思い出していただくために実施',
  '市の特産物等詰め合わせ「ひたちなか学生エール便～ネモフィラBOX～」を届ける',
  '大学等に在学している学生
申請時、ひたちなか市外(国内に限る)に居住
保護者の住民登録がひたちなか市内',
  NULL, 1, '2 地元産品の贈り物', 8, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed');

-- 3 地域との協働 -----------------------------------------------------------------------------------------
INSERT INTO program (id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
  start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit, eligibility_text,
  examples_heading, source_document_id, source_section, source_order, created_at, updated_at, updated_by) VALUES
 (9, 'PUBLISHED', '五戸まちづくりワールドカフェ', 'ごのへまちづくりわーるどかふぇ', 'co-creation', '02', '024422', NULL, NULL, NULL, NULL, 'EVENT', 'ONGOING',
  '地域の学生や大人が職業や立場に関係なく、関心ごとやテーマを持ち寄って対話し仲間を見つけたり、行動に移したりする企画', NULL,
  'まちづくりに関心のある人
大人と対等に対話をしたい学生
若者と話をしたい大人
進学や就職、生き方のヒントを探している人 等',
  NULL, 1, '3 地域との協働', 9, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (10, 'PUBLISHED', '若者の力による地域活性化交流事業(ワカチ力)', 'わかもののちからによるちいきかっせいかこうりゅうじぎょう', 'co-creation', '15', '152161', NULL, NULL, NULL, NULL, 'SUBSIDY', 'ONGOING',
  '糸魚川の魅力である「自然・文化・歴史」と若者の関心が高い「遊び」をキーワードに、若者による地域活性化交流事業の企画、実現及び継続を促し、若者の力を活かした地域おこし(地域磨き)を推進する補助事業', NULL,
  '市内に住所を有する者5人以上で構成し、かつ、構成員の5分の4以上の者が49歳以下である団体',
  NULL, 1, '3 地域との協働', 10, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (11, 'PUBLISHED', 'ヒダスケ！', 'ひだすけ', 'co-creation', '21', '212172', NULL, NULL, NULL, NULL, 'PARTICIPATION', 'ONGOING',
  '飛騨市の人がちょっとやってみたいことや困りごとの種、アイデアを持ち寄り、飛騨市と関わるための誰でも参加できるプログラム',
  '地域の加盟店で使えるさるぼぼコイン500円分',
  '地域の人ともっと関わってみたい人
経験やスキルを地域に活かしてみたい人
飛騨市に興味がある、飛騨市が好きな人
普通の旅行では得られない面白い体験をしたい人
自然豊かな場所で気持ちよく過ごしたい人
お祭りや伝統工芸など飛騨らしい文化に触れてみたい人',
  NULL, 1, '3 地域との協働', 11, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed');

-- 4 自治体出身者等の交流 -----------------------------------------------------------------------------------
INSERT INTO program (id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
  start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit, eligibility_text,
  examples_heading, source_document_id, source_section, source_order, created_at, updated_at, updated_by) VALUES
 (12, 'PUBLISHED', '鳥縁祭－鳥取のご縁が集う学校外/社外の文化祭－', 'とりえんさいとっとりのごえんがつどうがっこうがいしゃがいのぶんかさい', 'alumni-exchange', '31', NULL, NULL, NULL, 2025, 2, 'EVENT', 'ONE_OFF',
  '大学生8名が企画・運営する「文化祭」をコンセプトとした交流会(2025年2月実施)', NULL,
  '鳥取県出身者や鳥取ゆかりの方',
  NULL, 1, '4 自治体出身者等の交流', 12, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (13, 'PUBLISHED', 'ネオ県人会', 'ねおけんじんかい', 'alumni-exchange', NULL, NULL, NULL, NULL, NULL, NULL, 'SNS', 'ONGOING',
  '地域の住民や出身者、土地にゆかりのある人などがSNSを通じてつながる集まり', NULL,
  '地域の住民や出身者、土地にゆかりのある人などがSNSを通じてつながる集まり',
  '【ネオ県人会例】', 1, '4 自治体出身者等の交流', 13, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed');

-- 5 その他 ----------------------------------------------------------------------------------------------
INSERT INTO program (id, status, name, name_kana, category_code, organizer_prefecture_code, organizer_municipality_code,
  start_year, start_month, event_year, event_month, channel, lifecycle, summary, benefit, eligibility_text,
  examples_heading, source_document_id, source_section, source_order, created_at, updated_at, updated_by) VALUES
 (14, 'PUBLISHED', 'とっとりへ ウェルカニネットワーク', 'とっとりへうぇるかにねっとわーく', 'other', '31', NULL, NULL, NULL, NULL, NULL, 'NETWORK', 'ONGOING',
  '鳥取県外に進学・就職した若者の将来的なUターンに繋げるため、若者を中心とした鳥取ならではの「緩く繋がりが続ける仕組み」を構築することを目的に実施', NULL,
  'プランナーは、鳥取県出身の大学生8名
コンシェルジュは、県人会・学生寮・若者交流団体等の代表4名
イベントは鳥取県出身者やゆかりのある人が対象',
  NULL, 1, '5 その他', 14, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed'),
 (15, 'PUBLISHED', 'I''m Your Home.', 'あいむゆあほーむ', 'other', '16', NULL, NULL, NULL, NULL, NULL, 'PUBLICITY', 'ONGOING',
  '若者に富山県は「いつでも帰れる場所」と感じてもらうことを目的に、富山県から県外に旅立つ若者や挑戦する若者を応援するプロジェクト', NULL,
  '富山県外へ旅立つ若者',
  NULL, 1, '5 その他', 15, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'seed');

-- 目的・内容: sections (id = program * 100 + position) and their items in source order -----------------------
INSERT INTO program_section (id, program_id, position, heading) VALUES
 (101, 1, 1, '【概要】'), (102, 1, 2, '【具体的な取組内容】'),
 (201, 2, 1, NULL),
 (301, 3, 1, '【概要】'), (302, 3, 2, '【具体的な発信内容】'),
 (401, 4, 1, '【概要】'), (402, 4, 2, '【具体的な発信内容】'),
 (501, 5, 1, '【概要】'), (502, 5, 2, '【具体的な発送内容】'),
 (601, 6, 1, NULL),
 (701, 7, 1, '【概要】'), (702, 7, 2, '【エール便の内容】'),
 (801, 8, 1, '【概要】'), (802, 8, 2, '【ネモフィラBOXの内容】'),
 (901, 9, 1, NULL),
 (1001, 10, 1, '【概要】'), (1002, 10, 2, '【具体的な取組内容】'),
 (1101, 11, 1, '【概要】'), (1102, 11, 2, '【ヒダスケの具体的な取組内容】'),
 (1201, 12, 1, '【概要】'), (1202, 12, 2, '【交流会内容】'),
 (1401, 14, 1, NULL),
 (1501, 15, 1, '【概要】'), (1502, 15, 2, '【具体的な取組内容】');

-- kind: BULLET (・), CHECK (✓ nested item), NOTE (※ paragraph); level 1 = nested under the item before it.
INSERT INTO section_item (section_id, position, level, kind, text) VALUES
 (101, 1, 0, 'BULLET', '主に東京圏在住で栃木県出身の若者向けに特化した栃木県LINE公式アカウント'),
 (102, 1, 0, 'BULLET', '移住情報や就職情報、イベント情報を発信'),
 (102, 2, 0, 'BULLET', '過去には、栃木県と東京圏をつなげるイベント(JIMOTO TOCHIGI THE BEST)や“地元とちぎ”をキーワードに新たな出会いと交流の場を作るオンラインワークショップ「ジモトチゼミ」を開催'),
 (201, 1, 0, 'BULLET', 'UITターンの促進や関係人口の創出につなげるため、宮津市出身の若者層や来訪者等に対して「情報の接点」を持つことを目的に、定期的にLINEで地域情報の発信を行う、ふるさと市民制度'),
 (201, 2, 0, 'BULLET', '離れていても、地元がわかる、思わず帰りたくなるような、行ってみたくなるような、宮津のヒト・モノ・コトの情報をLINEでお届け'),
 (201, 3, 0, 'BULLET', '市在住・在校の高校生、市出身者等には、宮津市内で使えるお得なクーポンもプレゼントしている。また、二十歳のつどい参加者向けの限定コンテンツや、抽選で宮津のふるさと産品が当たるキャンペーンも実施'),
 (301, 1, 0, 'BULLET', '熊本県出身者向けLINE公式アカウント'),
 (301, 2, 0, 'BULLET', '進学などで県外に出た若者のUターンにつなげることを目的に実施'),
 (302, 1, 0, 'BULLET', '熊本県内の企業、インターンシップ、業界イベントの情報の提供や熊本の特産品、名所、イベントなど、地元の魅力を再発見できる情報を配信'),
 (401, 1, 0, 'BULLET', '鹿児島島への就職を考えている若者に対し、「暮らす・働く・遊ぶ」魅力を発信するLINE公式アカウント'),
 (402, 1, 0, 'BULLET', '「働く」情報'),
 (402, 2, 1, 'BULLET', 'UIターン社員インタビュー、社長インタビュー、インターンシップ情報等'),
 (402, 3, 0, 'BULLET', '「暮らす」情報'),
 (402, 4, 1, 'BULLET', '温泉情報、鹿児島島での新生活スターターガイド等'),
 (402, 5, 0, 'BULLET', '「遊ぶ」情報'),
 (402, 6, 1, 'BULLET', 'イベント情報(花火大会、イルミネーション)、観光情報(展望スポット紹介、離島紹介)'),
 (501, 1, 0, 'BULLET', 'ふるさとの良さを再認識してもらうため、地元南部町を離れて大学等に修学している学生に対して、「ふるさと南部からのエール便」を送付'),
 (502, 1, 0, 'BULLET', '町内で生産・加工された特産品の詰め合わせ'),
 (601, 1, 0, 'BULLET', '各家庭から送付する仕送りについて、年間6回分を上限にその送料を市が負担する'),
 (601, 2, 0, 'BULLET', '地元を離れた学生との継続した繋がりを構築し、市出身者に地元の魅力を再認識してもらうとともに地元湯沢への愛着を醸成することで、若者のUターン・定住を促進することを目的に実施'),
 (701, 1, 0, 'BULLET', '親元を離れて県外に住む高校生や大学生等を、盛岡の特産品で応援することを目的に実施'),
 (701, 2, 0, 'BULLET', '県外の学校に通う高校生や大学生等に盛岡三大麺などの特産品を詰め合わせた「もりおかエール便」を送付'),
 (702, 1, 0, 'BULLET', '盛岡三大麺 + 盛岡の特産品(名菓、せんべい汁など)'),
 (702, 2, 0, 'BULLET', '「盛岡という星で」マガジン(盛岡市都市戦略室発行)など市政情報'),
 (801, 1, 0, 'BULLET', '進学によって、市外で生活する学生を応援するとともに、ふるさとであるひたちなか市を思い出していただくために実施'),
 (801, 2, 0, 'BULLET', '市の特産物等詰め合わせ「ひたちなか学生エール便～ネモフィラBOX～」を届ける'),
 (802, 1, 0, 'BULLET', 'ひたちなか市産コシヒカリ、ネモフィラカレー、常陸牛カレー、卵かけ濃厚だし醤油、なかみなとマドレーヌ 等'),
 (901, 1, 0, 'BULLET', '地域の学生や大人が職業や立場に関係なく、関心ごとやテーマを持ち寄って対話し仲間を見つけたり、行動に移したりする企画'),
 (901, 2, 0, 'BULLET', 'アイスブレイク、ワールドカフェ等の様々な対話の手法を活用しながら、世代を越えたつながりづくりをサポートする'),
 (1001, 1, 0, 'BULLET', '糸魚川の魅力である「自然・文化・歴史」と若者の関心が高い「遊び」をキーワードに、若者による地域活性化交流事業の企画、実現及び継続を促し、若者の力を活かした地域おこし(地域磨き)を推進する補助事業'),
 (1002, 1, 0, 'BULLET', 'ビアフェス糸魚川in美山 若者たちの交流の場創出事業'),
 (1002, 2, 1, 'CHECK', '美山公園の自然を活用しながら若者の出会いや交流の場の創出等を目的にビアガーデン、アウトドア体験等を実施'),
 (1002, 3, 0, 'BULLET', '市振地区の若い世代による地域活性化交流事業'),
 (1002, 4, 1, 'CHECK', '若い世代が交流し、花火と音楽等の演奏や、SNSによる情報発信等を通じて市振地区の良いところを再発見する事業'),
 (1101, 1, 0, 'BULLET', '飛騨市の人がちょっとやってみたいことや困りごとの種、アイデアを持ち寄り、飛騨市と関わるための誰でも参加できるプログラム'),
 (1101, 2, 0, 'BULLET', '飛騨市を助けたオカエシとして、地域の加盟店で使えるさるぼぼコイン500円分がプレゼントされる'),
 (1102, 1, 0, 'BULLET', '【飛騨市内中高生限定】飛騨が大好きな市外の高校生とおしゃべりしてみませんか？'),
 (1102, 2, 1, 'CHECK', '過去に飛騨市の共創体験プログラムに参加した飛騨市外の高校生が、飛騨についてもっと深く知りたい、飛騨市の高校生と仲良くなりたいとの思いから開催した会'),
 (1102, 3, 1, 'CHECK', 'オンラインでひだスキ高校生と飛騨についてゆる〜くおしゃべりするイベント'),
 (1102, 4, 0, 'BULLET', '『自然を守り、地域とつながる、みんなで森スケ！』自然保全プロジェクトに参加しよう！'),
 (1102, 5, 1, 'CHECK', '飛騨の豊かな自然を一緒に守り、繋いでくれる仲間「森スケ！」を募集し、市内外を問わず自然の恩恵を受ける皆さんと一緒に、飛騨市の宝物である自然を守り後世に繋ぐ取組'),
 (1102, 6, 1, 'CHECK', '池ヶ原湿原の外来種除去や安峰山の登山道、展望エリアの整備等を実施'),
 (1201, 1, 0, 'BULLET', '大学生8名が企画・運営する「文化祭」をコンセプトとした交流会(2025年2月実施)'),
 (1201, 2, 0, 'BULLET', '鳥取の新たな魅力発見や、学生や若手社会人との新たな交流の場とすることを目的に実施'),
 (1202, 1, 0, 'BULLET', '鳥取出身&ゆかりのある大学生によるオリジナルブースの出展'),
 (1202, 2, 0, 'BULLET', '鳥取ゆかりの品が当たるビンゴ大会の実施'),
 (1202, 3, 0, 'BULLET', '鳥取ゆかりの方々によるゲストトークの実施 等'),
 (1401, 1, 0, 'BULLET', '鳥取県外に進学・就職した若者の将来的なUターンに繋げるため、若者を中心とした鳥取ならではの「緩く繋がりが続ける仕組み」を構築することを目的に実施'),
 (1401, 2, 0, 'BULLET', 'プランナーを中心に、コンシェルジュと連携を取りながら、交流イベントの企画・運営や鳥取ゆかりの人、店、コミュニティ等の情報受発信等を行い、若者ならではの緩い繋がりを形成し、従来、届きづらかった情報、繋がっていなかった人等の繋がり作りに取り組むもの'),
 (1401, 3, 0, 'NOTE', '※「プランナー」: イベント企画・運営やSNS情報の受発信等のハブとなる若者'),
 (1401, 4, 0, 'NOTE', '※「コンシェルジュ」: 県人会・学生寮・若者交流団体等のコミュニティが繋がる窓口となる方'),
 (1501, 1, 0, 'BULLET', '若者に富山県は「いつでも帰れる場所」と感じてもらうことを目的に、富山県から県外に旅立つ若者や挑戦する若者を応援するプロジェクト'),
 (1502, 1, 0, 'BULLET', '親からの「エール」と「ホンネ」のメッセージを富山駅前の商業施設「MAROOT(マルート)」等に掲載'),
 (1502, 2, 0, 'BULLET', '県内の多くの高校で卒業式が行われた日にスナップ動画と合わせて撮影した写真に応援メッセージを添えて、JR富山駅構内にて1日限定の『街角から“いってらっしゃい”スナップ』ポスター展を実施');

-- Reach: LINE 友だち数, 登録者は2025年3月4日現在 ------------------------------------------------------------
INSERT INTO reach_metric (program_id, position, label_ja, label_en, metric_value, unit_ja, as_of) VALUES
 (1, 1, 'LINE友だち数', 'LINE friends', 5390, '名', DATE '2025-03-04'),
 (2, 1, 'LINE友だち数', 'LINE friends', 5218, '名', DATE '2025-03-04'),
 (3, 1, 'LINE友だち数', 'LINE friends', 3081, '名', DATE '2025-03-04'),
 (4, 1, 'LINE友だち数', 'LINE friends', 1997, '名', DATE '2025-03-04');

-- ネオ県人会: the three example groups, each tied to its prefecture ----------------------------------------------
INSERT INTO example_group (program_id, position, name, description, prefecture_code) VALUES
 (13, 1, '在京青森わけもの会', '青森県出身で29歳以下のわけもの(若者)限定のコミュニティ。青森関係のイベント情報発信。青森関係の飲食店での交流会、青森関係の団体のお手伝いなどを実施', '02'),
 (13, 2, '岩手×東京会議', 'ミニ交流会や岩手県のイベントの企画協力', '03'),
 (13, 3, 'フェイスブック新潟県人会', '新潟県人も知らないコアな情報を発信している。行政とも連携し、首都圏在住の20・30代新潟県出身者のUターン促進活動を実施', '15');

-- Data notes: where the source is evidently inconsistent, the value is kept and the reader is told ---------------
INSERT INTO program_data_note (program_id, position, note_ja, note_en) VALUES
 (2, 1, '出典では開始時期が「2025年10月～」と記載されていますが、LINE友だち数は2025年3月4日現在の値です。開始時期が誤記の可能性がありますが、出典のまま掲載しています。',
        'The source gives the start as 「2025年10月～」 (October 2025), yet the LINE friend count is as of 4 March 2025. The start date may be a typo; it is shown as in the source.'),
 (4, 1, '出典では「鹿児島島」と3か所（概要、具体的な発信内容、対象）に記載されています。「鹿児島県」または「鹿児島」の誤記と思われますが、出典のまま掲載しています。',
        'The source writes 「鹿児島島」 in three places (summary, content, eligibility); 「鹿児島県」 or 「鹿児島」 is probably meant. It is shown as in the source.'),
 (13, 1, '出典の対象欄は、対象者ではなく「ネオ県人会」という取組の類型を説明しています。特定の主催自治体はなく、3つの例（在京青森わけもの会、岩手×東京会議、フェイスブック新潟県人会）が挙げられています。',
        'The source''s eligibility cell describes the type of initiative rather than who may join. No single local government runs it; the source gives three example groups.');

-- Audience tags, derived from the structured eligibility below (AudienceRules; checked by SeedConsistencyTest) ------
INSERT INTO program_audience (program_id, audience) VALUES
 (1, 'ALUMNI'), (1, 'YOUTH'),
 (2, 'STUDENT'), (2, 'YOUTH'), (2, 'ALUMNI'), (2, 'ANYONE'),
 (3, 'ALUMNI'),
 (4, 'ANYONE'),
 (5, 'STUDENT'), (5, 'GUARDIAN'),
 (6, 'STUDENT'), (6, 'ALUMNI'), (6, 'GUARDIAN'),
 (7, 'STUDENT'), (7, 'YOUTH'), (7, 'GUARDIAN'),
 (8, 'STUDENT'), (8, 'GUARDIAN'),
 (9, 'STUDENT'), (9, 'ANYONE'),
 (10, 'GROUP'),
 (11, 'ANYONE'),
 (12, 'ALUMNI'), (12, 'ANYONE'),
 (13, 'ALUMNI'), (13, 'ANYONE'),
 (14, 'STUDENT'), (14, 'ALUMNI'), (14, 'ANYONE'),
 (15, 'YOUTH');

-- 対象, structured: target groups (alternatives) and their criteria (all must hold) --------------------------------
INSERT INTO target_group (id, program_id, position, label) VALUES
 (101, 1, 1, '主に東京圏在住で栃木県出身の35歳以下の若者'),
 (201, 2, 1, '宮津市在住の高校生'),
 (202, 2, 2, '宮津市在学の高校生'),
 (203, 2, 3, '宮津市出身者(19歳～35歳)'),
 (204, 2, 4, '宮津市に在学していた方(19歳～35歳)'),
 (205, 2, 5, '宮津市民の方'),
 (206, 2, 6, '宮津市に関心のある方、宮津市を応援したい方'),
 (301, 3, 1, '熊本県出身者'),
 (401, 4, 1, '鹿児島島への就職を考える人'),
 (501, 5, 1, '大学等に修学し自宅外から通学している学生（申請は町内に居住する親）'),
 (601, 6, 1, '湯沢市外に住む市出身学生がいる家庭（実家が湯沢市内）'),
 (701, 7, 1, '日本国内かつ岩手県外在住の15歳以上25歳以下の学生で、盛岡市に住所を有する方の子'),
 (801, 8, 1, 'ひたちなか市外（国内）に住む大学等の学生で、保護者の住民登録がひたちなか市内'),
 (901, 9, 1, 'まちづくりに関心のある人'),
 (902, 9, 2, '大人と対等に対話をしたい学生'),
 (903, 9, 3, '若者と話をしたい大人'),
 (904, 9, 4, '進学や就職、生き方のヒントを探している人 等'),
 (1001, 10, 1, '市内に住所を有する者5人以上で構成し、構成員の5分の4以上が49歳以下の団体'),
 (1101, 11, 1, '地域の人ともっと関わってみたい人'),
 (1102, 11, 2, '経験やスキルを地域に活かしてみたい人'),
 (1103, 11, 3, '飛騨市に興味がある、飛騨市が好きな人'),
 (1104, 11, 4, '普通の旅行では得られない面白い体験をしたい人'),
 (1105, 11, 5, '自然豊かな場所で気持ちよく過ごしたい人'),
 (1106, 11, 6, 'お祭りや伝統工芸など飛騨らしい文化に触れてみたい人'),
 (1201, 12, 1, '鳥取県出身者'),
 (1202, 12, 2, '鳥取ゆかりの方'),
 (1301, 13, 1, '地域の住民や出身者、土地にゆかりのある人など'),
 (1401, 14, 1, 'プランナー（鳥取県出身の大学生8名）'),
 (1402, 14, 2, 'コンシェルジュ（県人会・学生寮・若者交流団体等の代表4名）'),
 (1403, 14, 3, 'イベント参加者（鳥取県出身者）'),
 (1404, 14, 4, 'イベント参加者（鳥取県にゆかりのある人）'),
 (1501, 15, 1, '富山県外へ旅立つ若者');

-- criterion types: AGE, ORIGIN, RESIDENCE (subject SELF / FAMILY / MEMBERS; outside; domestic_only), STUDENT
-- (schools: school[:minGrade-maxGrade], 'any' = any school, 'etc' = the list ends in 「等」), LIVING_AWAY,
-- APPLICANT, GROUP_SIZE, GROUP_YOUNG_SHARE, FREE_TEXT. Areas: 2-digit prefecture or 6-digit municipality codes.
INSERT INTO criterion (target_group_id, position, type, strength, subject, source_text, min_age, max_age, areas, area_label,
  outside, domestic_only, schools, applicants, min_group_size, young_max_age, young_share_num, young_share_den, audience_hint, note_ja) VALUES
 (101, 1, 'ORIGIN',    'HARD', 'SELF', '栃木県出身', NULL, NULL, '09', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (101, 2, 'AGE',       'HARD', 'SELF', '35歳以下', NULL, 35, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (101, 3, 'RESIDENCE', 'SOFT', 'SELF', '主に東京圏在住', NULL, NULL, '13,14,11,12', '東京圏', FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '「主に」とあるため目安として扱います。東京圏は東京都・神奈川県・埼玉県・千葉県と読んでいます。'),
 (201, 1, 'STUDENT',   'HARD', 'SELF', '高校生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'high', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (201, 2, 'RESIDENCE', 'HARD', 'SELF', '宮津市在住', NULL, NULL, '262056', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (202, 1, 'STUDENT',   'HARD', 'SELF', '高校生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'high', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (202, 2, 'FREE_TEXT', 'HARD', 'SELF', '宮津市在学', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '通学先の所在地は本カタログでは判定できないため、確認が必要です。'),
 (203, 1, 'ORIGIN',    'HARD', 'SELF', '宮津市出身者', NULL, NULL, '262056', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (203, 2, 'AGE',       'HARD', 'SELF', '19歳～35歳', 19, 35, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (204, 1, 'FREE_TEXT', 'HARD', 'SELF', '宮津市に在学していた方', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '過去の在学先は本カタログでは判定できないため、確認が必要です。'),
 (204, 2, 'AGE',       'HARD', 'SELF', '19歳～35歳', 19, 35, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (205, 1, 'RESIDENCE', 'HARD', 'SELF', '宮津市民の方', NULL, NULL, '262056', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (206, 1, 'FREE_TEXT', 'SOFT', 'SELF', '宮津市に関心のある方、宮津市を応援したい方', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (301, 1, 'ORIGIN',    'HARD', 'SELF', '熊本県出身者', NULL, NULL, '43', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (401, 1, 'FREE_TEXT', 'SOFT', 'SELF', '鹿児島島への就職を考える人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (501, 1, 'STUDENT',   'HARD', 'SELF', '大学、高等専門学校(4、5年生)、専修学校、専門職大学等に修学', NULL, NULL, NULL, NULL, FALSE, FALSE,
  'university,kosen:4-5,vocational,professional-university,etc', NULL, NULL, NULL, NULL, NULL, NULL,
  '「等」とあるため、列挙されていない学校種は確認が必要です。高等専門学校は4・5年生に限られます。'),
 (501, 2, 'LIVING_AWAY', 'SOFT', 'SELF', '自宅外から通学している方', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (501, 3, 'APPLICANT', 'HARD', 'SELF', '申請は、大学生等を持つ親', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, 'guardian', NULL, NULL, NULL, NULL, NULL, NULL),
 (501, 4, 'RESIDENCE', 'HARD', 'FAMILY', '親で町内に居住する方に限る', NULL, NULL, '024457', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (601, 1, 'RESIDENCE', 'HARD', 'SELF', '湯沢市外に住む', NULL, NULL, '052078', NULL, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (601, 2, 'ORIGIN',    'HARD', 'SELF', '市出身学生', NULL, NULL, '052078', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (601, 3, 'STUDENT',   'HARD', 'SELF', '中学生、高校生、大学生、短大生、高専生、大学院生、専門学生、予備校生', NULL, NULL, NULL, NULL, FALSE, FALSE,
  'junior-high,high,university,junior-college,kosen,graduate,vocational,prep', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (601, 4, 'RESIDENCE', 'HARD', 'FAMILY', '実家が湯沢市内にない方は対象とならない', NULL, NULL, '052078', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (701, 1, 'RESIDENCE', 'HARD', 'SELF', '日本国内かつ岩手県外在住', NULL, NULL, '03', NULL, TRUE, TRUE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (701, 2, 'AGE',       'HARD', 'SELF', '申込み時点で15歳以上25歳以下', 15, 25, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (701, 3, 'STUDENT',   'HARD', 'SELF', '学生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'any', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (701, 4, 'RESIDENCE', 'HARD', 'FAMILY', '盛岡市に住所を有する方の子', NULL, NULL, '032018', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (801, 1, 'STUDENT',   'HARD', 'SELF', '大学等に在学している学生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'university,etc', NULL, NULL, NULL, NULL, NULL, NULL,
  '「大学等」とあるため、大学以外の学校種は確認が必要です。'),
 (801, 2, 'RESIDENCE', 'HARD', 'SELF', '申請時、ひたちなか市外(国内に限る)に居住', NULL, NULL, '082210', NULL, TRUE, TRUE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (801, 3, 'RESIDENCE', 'HARD', 'FAMILY', '保護者の住民登録がひたちなか市内', NULL, NULL, '082210', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (901, 1, 'FREE_TEXT', 'SOFT', 'SELF', 'まちづくりに関心のある人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (902, 1, 'STUDENT',   'HARD', 'SELF', '学生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'any', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (902, 2, 'FREE_TEXT', 'SOFT', 'SELF', '大人と対等に対話をしたい', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (903, 1, 'FREE_TEXT', 'SOFT', 'SELF', '若者と話をしたい大人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (904, 1, 'FREE_TEXT', 'SOFT', 'SELF', '進学や就職、生き方のヒントを探している人 等', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1001, 1, 'APPLICANT', 'HARD', 'SELF', '団体', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, 'group', NULL, NULL, NULL, NULL, NULL, NULL),
 (1001, 2, 'GROUP_SIZE', 'HARD', 'MEMBERS', '5人以上で構成', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, 5, NULL, NULL, NULL, NULL, NULL),
 (1001, 3, 'GROUP_YOUNG_SHARE', 'HARD', 'MEMBERS', '構成員の5分の4以上の者が49歳以下', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, 49, 4, 5, NULL, NULL),
 (1001, 4, 'RESIDENCE', 'HARD', 'MEMBERS', '市内に住所を有する者', NULL, NULL, '152161', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '構成員の住所は本カタログでは判定できないため、確認が必要です。'),
 (1101, 1, 'FREE_TEXT', 'SOFT', 'SELF', '地域の人ともっと関わってみたい人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1102, 1, 'FREE_TEXT', 'SOFT', 'SELF', '経験やスキルを地域に活かしてみたい人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1103, 1, 'FREE_TEXT', 'SOFT', 'SELF', '飛騨市に興味がある、飛騨市が好きな人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1104, 1, 'FREE_TEXT', 'SOFT', 'SELF', '普通の旅行では得られない面白い体験をしたい人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1105, 1, 'FREE_TEXT', 'SOFT', 'SELF', '自然豊かな場所で気持ちよく過ごしたい人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1106, 1, 'FREE_TEXT', 'SOFT', 'SELF', 'お祭りや伝統工芸など飛騨らしい文化に触れてみたい人', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1201, 1, 'ORIGIN',    'HARD', 'SELF', '鳥取県出身者', NULL, NULL, '31', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1202, 1, 'FREE_TEXT', 'SOFT', 'SELF', '鳥取ゆかりの方', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1301, 1, 'FREE_TEXT', 'SOFT', 'SELF', '地域の住民や出身者、土地にゆかりのある人など', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 'ALUMNI', NULL),
 (1401, 1, 'ORIGIN',    'HARD', 'SELF', '鳥取県出身', NULL, NULL, '31', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1401, 2, 'STUDENT',   'HARD', 'SELF', '大学生', NULL, NULL, NULL, NULL, FALSE, FALSE, 'university', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1401, 3, 'FREE_TEXT', 'HARD', 'SELF', 'プランナーは、鳥取県出身の大学生8名', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '8名の役割です。募集の有無や方法は出典に記載がありません。'),
 (1402, 1, 'FREE_TEXT', 'HARD', 'SELF', 'コンシェルジュは、県人会・学生寮・若者交流団体等の代表4名', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  '4名の役割です。募集の有無や方法は出典に記載がありません。'),
 (1403, 1, 'ORIGIN',    'HARD', 'SELF', 'イベントは鳥取県出身者', NULL, NULL, '31', NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1404, 1, 'FREE_TEXT', 'SOFT', 'SELF', 'ゆかりのある人が対象', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (1501, 1, 'FREE_TEXT', 'HARD', 'SELF', '富山県外へ旅立つ若者', NULL, NULL, NULL, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, NULL, 'YOUTH',
  '「旅立つ」時期や年齢は出典に記載がありません。');

-- New rows get ids above the seeded ones.
ALTER TABLE program ALTER COLUMN id RESTART WITH 1000;
ALTER TABLE program_section ALTER COLUMN id RESTART WITH 100000;
ALTER TABLE target_group ALTER COLUMN id RESTART WITH 100000;
