package demo

// The sentence templates behind the demo text. Slots in braces are filled at
// random: {name} a person, {hall} where meetings are, {route} a walk, {spot} a
// place that triggers cravings, {time} a time of day, and the numbers {days}
// (days in recovery), {hours} (of sleep), {minutes}, {rating} (0–10).
//
// Each slot appears in one grammatical position per language, so the
// Swedish and Ukrainian word lists are already in the right form (the
// Ukrainian ones in the case their sentences need), and Ukrainian sentences
// use {name} only as the subject of a present-tense verb, which has no
// gender.

// tags is the fixed set of tags demo entries use, one per topic.
var tags = []string{"craving", "family", "work", "sleep", "meeting", "walk", "therapy", "win"}

type lang int

const (
	english lang = iota
	swedish
	ukrainian
)

// topic is what an entry can be about: sentences for its body and titles.
type topic struct {
	titles    []string
	sentences []string
}

type gratitudeText struct{ text, why string }

// phrasebook holds one language's templates.
type phrasebook struct {
	code    string
	topics  map[string]topic // keyed by tag; only looked up, never ranged over
	general []string
	emoji   []string
	rtl     []string

	names, halls, routes, spots, times []string

	gratitude                    []gratitudeText
	intentions, challenges, wins []string

	triggers, situations, copings []string
}

var books = [...]*phrasebook{english: &englishBook, swedish: &swedishBook, ukrainian: &ukrainianBook}

var englishBook = phrasebook{
	code: "en",
	topics: map[string]topic{
		"meeting": {
			titles: []string{"Tuesday meeting", "Sharing at last", "Chip night", "Coffee after the meeting", "Showing up"},
			sentences: []string{
				"Went to the evening meeting at {hall} and mostly listened.",
				"{name} shared about the first ninety days, and I recognised every word of it.",
				"I raised my hand for the first time in weeks; my voice shook, but I said it.",
				"After the meeting a few of us had coffee and talked about nothing, which was exactly right.",
				"The reading was about acceptance, and I kept thinking about the things I cannot change.",
				"I picked up a chip for {days} days and felt both proud and a little embarrassed.",
				"Someone new came in looking the way I looked a year ago, and I gave them my number.",
				"I almost skipped the meeting, but showing up is the part I can control.",
				"My sponsor {name} asked how I was really doing, and for once I told the truth.",
			},
		},
		"craving": {
			titles: []string{"Riding the wave", "A hard hour", "The urge passed", "Craving at dusk", "Played the tape forward"},
			sentences: []string{
				"The craving hit around {time}, strong and sudden, like a wave I saw coming too late.",
				"I rated the urge a {rating} and watched it climb, peak, and slowly fall away.",
				"I noticed the old thought: just one won't hurt. I know exactly where that thought leads.",
				"I surfed the urge with the timer and breathed through the worst of the craving.",
				"Walking past {spot} brought the craving back; my body remembered before my mind did.",
				"I played the tape forward to the morning after, and the craving lost some of its shine.",
				"HALT check: I was hungry and tired, so I ate something and lay down for twenty minutes.",
				"The urge lasted about {minutes} minutes. It felt endless while it lasted, and then it simply passed.",
				"I texted {name} instead of acting on the craving, and the reply came within minutes.",
			},
		},
		"walk": {
			titles: []string{"Long walk", "By the water", "Walking it off", "Morning walk", "Cold air"},
			sentences: []string{
				"Took a long walk along {route} before dinner.",
				"Walked for {minutes} minutes without headphones and just listened to the birds.",
				"The air was cold and clean, and by the end of the walk my head felt clearer.",
				"I counted my steps when my thoughts started racing; it is a silly trick, but it works.",
				"Walked with {name}, and we talked more easily side by side than we ever do face to face.",
				"The light on the water by {route} was so beautiful that I stopped and just stood there.",
			},
		},
		"sleep": {
			titles: []string{"A real night's sleep", "Three in the morning", "Evening routine", "Tired"},
			sentences: []string{
				"Slept almost {hours} hours, the best night in a while.",
				"Woke at three again with my heart pounding, and did the breathing until it slowed down.",
				"I kept the phone out of the bedroom, and falling asleep was a little easier.",
				"Dreamt about using again; woke up relieved it was only a dream.",
				"Tired all day after a bad night, so I went easy on myself and went to bed early.",
				"The evening routine is starting to stick: tea, a few pages of a book, lights out by eleven.",
			},
		},
		"family": {
			titles: []string{"Called Mum", "Family dinner", "Rebuilding trust", "A hug at the door"},
			sentences: []string{
				"Called my mother, and for once we did not argue about the past.",
				"{name} hugged me when I came home, and I felt it all the way down.",
				"Family dinner was tense, but I stayed present and did not leave early.",
				"My sister asked how many days I have now, and I told her {days}; she smiled.",
				"I am slowly rebuilding trust with the kids; it cannot be rushed, and I am learning to accept that.",
				"We talked about the old days without anyone getting hurt, which felt like a small miracle.",
			},
		},
		"work": {
			titles: []string{"Busy day at work", "Said no", "The report", "Leaving on time"},
			sentences: []string{
				"Work was busy; I kept my breaks and ate lunch away from the desk.",
				"A difficult email from {name} made my chest tighten, so I waited an hour before answering.",
				"I told my manager I needed to leave on time for therapy, and it was fine.",
				"Finished the report I had been avoiding for days; the relief was enormous.",
				"The after-work drinks invitation came again, and I said no without explaining.",
				"Felt useful at work today, like someone people can rely on again.",
			},
		},
		"therapy": {
			titles: []string{"Therapy", "Naming feelings", "Shame, again", "A plan for the holidays"},
			sentences: []string{
				"In therapy we talked about shame and how it drives the cravings.",
				"My therapist asked what the urge was trying to protect me from, and I did not have an answer yet.",
				"We practised naming feelings: anxious, lonely, restless, hopeful.",
				"Therapy was hard today; old memories came up and I let myself cry.",
				"I am learning that a feeling is not a command, even when it is loud.",
				"We made a plan for the holidays, with exits and people to call.",
			},
		},
		"win": {
			titles: []string{"Small win", "Day {days}", "Kept a promise", "Laughed out loud"},
			sentences: []string{
				"Small win: I made my bed, cooked a real meal and washed up straight after.",
				"Today is day {days}, and I did not think I would ever get here.",
				"I paid a bill I had been dreading and felt like a grown-up.",
				"I said what I needed clearly and kindly, and the world did not end.",
				"Noticed I laughed out loud today, properly, for the first time in ages.",
				"I kept a promise to myself, which is how trust gets rebuilt.",
			},
		},
	},
	general: []string{
		"Tomorrow I want to get up at the same time and take the walk before work.",
		"One day at a time still sounds like a slogan, but today it was simply true.",
		"I am grateful for the people who keep picking up the phone.",
		"Progress, not perfection.",
		"Not every day is good, but there is something good in every day if I look for it.",
		"Writing this down helps me see that the day was better than it felt.",
		"I want to remember how this evening felt: calm, ordinary, enough.",
		"Meditated for ten minutes this morning; my mind wandered a hundred times and I brought it back a hundred times.",
		"Learned a new chord on the guitar, slowly and badly, and loved it.",
		"I notice I am kinder to myself on the days I write.",
	},
	emoji: []string{
		"Feeling proud of myself today 💪🌱",
		"Sunrise on the way to work 🌅 and a good coffee ☕.",
		"Sent {name} a 🙏 and got a ❤️ back.",
	},
	rtl: []string{
		"My neighbour taught me to say الحمد لله, thanks for what is, and I said it quietly on the stairs.",
		"A friend wrote שָׁלוֹם on a card for me; peace, exactly what I needed.",
	},
	names:  []string{"Sam", "Maria", "Dave", "Priya", "Jo", "Tom", "Aisha", "Ben"},
	halls:  []string{"the church hall", "the community centre", "St Mary's", "the library basement"},
	routes: []string{"the river", "the old harbour", "the canal", "the beach"},
	spots:  []string{"the bar on the corner", "my old flat", "the off-licence", "the station pub"},
	times:  []string{"four in the afternoon", "nine in the evening", "eleven at night", "lunchtime"},
	gratitude: []gratitudeText{
		{"Coffee with Sam", "I asked instead of waiting to be asked"},
		{"A long walk by the river", "I went out even though it was raining"},
		{"Eight hours of sleep", "I kept the phone out of the bedroom"},
		{"Mum laughed at my joke", "we are easier with each other lately"},
		{"Finished the report", "I broke it into small pieces"},
		{"The meeting tonight", "someone said exactly what I needed to hear"},
		{"A warm shower after work", ""},
		{"The kids called", "I have been showing up for them"},
		{"Soup I made from scratch", "I planned the week's food on Sunday"},
		{"A quiet evening", "I said no to plans I did not want"},
		{"Sun through the kitchen window", ""},
		{"My sponsor picked up on the first ring", "I finally called instead of texting"},
		{"Did not act on a strong craving", "I used the urge timer and called for help"},
		{"A stranger held the door and smiled", ""},
		{"Therapy felt useful", "I was honest about the hard part"},
	},
	intentions: []string{"Call my sponsor before noon", "Walk for thirty minutes", "Be in bed by eleven", "Eat three real meals", "Go to the evening meeting", "Say no without explaining"},
	challenges: []string{"Craving after work", "Argument with my brother", "Could not sleep", "Payday, and the old habits that come with it", "Felt lonely all evening", "Stressful deadline"},
	wins:       []string{"Went to a meeting", "Cooked dinner", "Called Mum", "Surfed an urge", "Walked in the rain", "Finished a hard task"},
	triggers:   []string{"payday", "the bar on the corner", "an argument", "being alone at night", "a sad song", "old friends", "stress at work", "the smell of beer", "boredom", "a celebration"},
	situations: []string{
		"Home alone after a long day, nothing planned.",
		"Walking past the old places on the way from the station.",
		"After a tense phone call with my ex.",
		"Friday evening, everyone else going out.",
		"Woke up at three and could not get back to sleep.",
		"At a family party where everyone was drinking.",
	},
	copings: []string{
		"Surfed the urge with the timer, then called my sponsor.",
		"Box breathing, a glass of water, and a walk round the block.",
		"Played the tape forward and read my reasons on the crisis card.",
		"Ate something and lay down; I was hungry and tired.",
		"Texted the group chat and went to the late meeting.",
		"Took a cold shower and made tea.",
	},
}

var swedishBook = phrasebook{
	code: "sv",
	topics: map[string]topic{
		"meeting": {
			titles: []string{"Mötet i kväll", "Jag delade", "Fika efter mötet"},
			sentences: []string{
				"Gick på mötet i {hall} i kväll och lyssnade mest.",
				"{name} delade om de första nittio dagarna, och jag kände igen allt.",
				"Jag räckte upp handen för första gången på länge; rösten darrade, men jag sa det.",
				"Efter mötet fikade vi och pratade om ingenting, och det var precis rätt.",
				"Dagens läsning handlade om acceptans och om det jag inte kan ändra på.",
			},
		},
		"craving": {
			titles: []string{"Suget", "Att surfa på vågen", "En tung timme"},
			sentences: []string{
				"Suget kom vid {time}, starkt och plötsligt, som en våg.",
				"Jag skattade suget till {rating} och såg det stiga, nå toppen och sakta sjunka undan.",
				"Jag ringde {name} i stället för att ge efter, och det hjälpte.",
				"När jag gick förbi {spot} kom längtan tillbaka; kroppen mindes före huvudet.",
				"Jag spelade filmen framåt till morgonen efter, och suget tappade sin glans.",
			},
		},
		"walk": {
			titles: []string{"Lång promenad", "Vid vattnet", "Kall luft"},
			sentences: []string{
				"Tog en lång promenad längs {route} före middagen.",
				"Gick i {minutes} minuter utan hörlurar och lyssnade på fåglarna.",
				"Luften var kall och klar, och efter promenaden kändes huvudet lättare.",
				"Ljuset över vattnet var så vackert att jag stannade och bara stod där en stund.",
			},
		},
		"sleep": {
			titles: []string{"En hel natts sömn", "Klockan tre", "Trött"},
			sentences: []string{
				"Sov nästan {hours} timmar, bästa natten på länge.",
				"Vaknade klockan tre igen med hjärtat bultande och andades tills det lugnade sig.",
				"Mobilen fick stanna i köket, och det var lättare att somna.",
				"Drömde att jag återföll; vaknade lättad över att det bara var en dröm.",
			},
		},
		"family": {
			titles: []string{"Ringde mamma", "Middag med familjen", "Förtroende", "Kärlek"},
			sentences: []string{
				"Ringde mamma, och för en gångs skull bråkade vi inte om det som varit.",
				"{name} kramade mig när jag kom hem, och jag kände kärlek ända ner i magen.",
				"Middagen med familjen var spänd, men jag stannade kvar och var närvarande.",
				"Jag bygger sakta upp förtroendet med barnen igen; det går inte att skynda på.",
			},
		},
		"work": {
			titles: []string{"Stressig dag", "Sa nej", "Rapporten"},
			sentences: []string{
				"Jobbet var stressigt; jag tog mina raster och åt lunch borta från skrivbordet.",
				"Jag tackade nej till afterworken utan att förklara mig.",
				"Blev äntligen klar med rapporten jag skjutit upp i flera dagar.",
				"Kände mig behövd på jobbet i dag, som någon man kan lita på igen.",
			},
		},
		"therapy": {
			titles: []string{"Terapi", "Skam", "Att sätta ord på känslor"},
			sentences: []string{
				"I terapin pratade vi om skam och hur den driver suget.",
				"Jag lär mig att en känsla inte är en order, även när den är högljudd.",
				"Terapin var tung i dag; gamla minnen kom upp och jag lät mig gråta.",
				"Vi övade på att sätta ord på känslor: orolig, ensam, rastlös, hoppfull.",
			},
		},
		"win": {
			titles: []string{"En liten seger", "Dag {days}", "Skrattade högt"},
			sentences: []string{
				"En liten seger: jag bäddade sängen, lagade riktig mat och diskade direkt.",
				"I dag är dag {days}, och jag trodde aldrig att jag skulle komma hit.",
				"Jag skrattade högt i dag, på riktigt, för första gången på länge.",
				"Jag höll ett löfte till mig själv, och det är så förtroende byggs upp igen.",
			},
		},
	},
	general: []string{
		"En dag i taget låter som en klyscha, men i dag var det bara sant.",
		"Jag är tacksam för all kärlek från människorna som fortsätter att svara när jag ringer.",
		"Framsteg, inte perfektion.",
		"I morgon vill jag gå upp i tid och ta promenaden före jobbet.",
		"Att skriva ner det här hjälper mig att se att dagen var bättre än den kändes.",
		"Mediterade i tio minuter i morse; tankarna vandrade, och jag förde tillbaka dem varje gång.",
	},
	emoji: []string{
		"Stolt över mig själv i dag 🌿✨",
		"Solnedgång över sjön 🌅 och en kopp te ☕.",
	},
	names:  []string{"Anna", "Erik", "Sofia", "Lasse", "Åsa", "Björn"},
	halls:  []string{"kyrkan", "Folkets hus", "föreningslokalen"},
	routes: []string{"ån", "hamnen", "strandpromenaden", "sjön"},
	spots:  []string{"krogen på hörnet", "den gamla lägenheten", "Systembolaget"},
	times:  []string{"fyra på eftermiddagen", "nio på kvällen", "lunchtid"},
	gratitude: []gratitudeText{
		{"Fika med Anna", "jag frågade i stället för att vänta"},
		{"En lång promenad längs ån", "jag gick ut fast det regnade"},
		{"Åtta timmars sömn", "mobilen låg i köket"},
		{"Mamma skrattade åt mitt skämt", "vi har det lättare tillsammans nu"},
		{"Mötet i kväll", "någon sa precis det jag behövde höra"},
		{"Soppa som jag lagade själv", ""},
		{"Solen genom köksfönstret", ""},
		{"Jag stod emot ett starkt sug", "jag använde timern och ringde efter hjälp"},
	},
	intentions: []string{"Ringa min sponsor före lunch", "Promenera i trettio minuter", "Sova före elva", "Gå på kvällsmötet"},
	challenges: []string{"Sug efter jobbet", "Bråk med min bror", "Kunde inte sova", "Kände mig ensam hela kvällen"},
	wins:       []string{"Gick på ett möte", "Lagade middag", "Ringde mamma", "Surfade på suget"},
	triggers:   []string{"lönedag", "krogen på hörnet", "ett bråk", "ensamhet på kvällen", "stress på jobbet", "gamla vänner"},
	situations: []string{
		"Ensam hemma efter en lång dag, inget inplanerat.",
		"Fredagskväll, alla andra skulle ut.",
		"Efter ett spänt telefonsamtal.",
	},
	copings: []string{
		"Surfade på suget med timern och ringde min sponsor.",
		"Fyrkantsandning, ett glas vatten och en promenad runt kvarteret.",
		"Åt något och vilade; jag var hungrig och trött.",
	},
}

var ukrainianBook = phrasebook{
	code: "uk",
	topics: map[string]topic{
		"meeting": {
			titles: []string{"Зустріч групи", "Я поділився", "Чай на ґанку"},
			sentences: []string{
				"Сьогодні ввечері пішов на зустріч групи в {hall} і здебільшого слухав.",
				"{name} розповідає про перші дев’яносто днів, і я впізнаю в цьому себе.",
				"Я вперше за довгий час підняв руку і сказав усе, хоч голос тремтів.",
				"Після зустрічі ми пили чай на ґанку і говорили про дрібниці, і це було саме те, що треба.",
			},
		},
		"craving": {
			titles: []string{"Тяга", "Хвиля минула", "Важка година"},
			sentences: []string{
				"Тяга накрила близько {time}, сильна й раптова, як хвиля.",
				"Я оцінив бажання на {rating} і спостерігав, як воно зростає, досягає піку і повільно спадає.",
				"Замість того щоб піддатися, я написав у групу; {name} одразу відповідає, що поруч.",
				"Коли проходив повз {spot}, тяга повернулася; тіло пам’ятає швидше, ніж розум.",
			},
		},
		"walk": {
			titles: []string{"Довга прогулянка", "Біля води", "Холодне повітря"},
			sentences: []string{
				"Довго гуляв уздовж {route} перед вечерею.",
				"Гуляв {minutes} хвилин без навушників і слухав птахів.",
				"Повітря було холодне й чисте, і після прогулянки в голові проясніло.",
			},
		},
		"sleep": {
			titles: []string{"Нарешті виспався", "О третій ночі", "Втома"},
			sentences: []string{
				"Спав майже {hours} годин, найкраща ніч за довгий час.",
				"Знову прокинувся о третій із калатанням серця і дихав, поки воно не заспокоїлося.",
				"Залишив телефон на кухні, і заснути було трохи легше.",
			},
		},
		"family": {
			titles: []string{"Подзвонив мамі", "Сімейна вечеря", "Довіра"},
			sentences: []string{
				"Подзвонив мамі, і цього разу ми не сварилися через минуле.",
				"{name} обіймає мене на порозі, і я відчуваю її любов усім тілом.",
				"Сімейна вечеря була напружена, але я залишився і був присутній.",
			},
		},
		"work": {
			titles: []string{"Робочий день", "Сказав ні", "Звіт"},
			sentences: []string{
				"На роботі було багато справ; я робив перерви і їв обід не за столом.",
				"Я відмовився від походу в бар після роботи і не став нічого пояснювати.",
				"Нарешті закінчив звіт, який відкладав кілька днів.",
			},
		},
		"therapy": {
			titles: []string{"Терапія", "Сором", "Назвати почуття"},
			sentences: []string{
				"На терапії ми говорили про сором і про те, як він живить тягу.",
				"Я вчуся, що почуття — це не наказ, навіть коли воно гучне.",
				"Терапія сьогодні була важкою; спливли старі спогади, і я дозволив собі плакати.",
			},
		},
		"win": {
			titles: []string{"Маленька перемога", "День {days}", "Засміявся вголос"},
			sentences: []string{
				"Маленька перемога: застелив ліжко, приготував справжню їжу і одразу помив посуд.",
				"Сьогодні день {days}, і я не думав, що колись сюди дійду.",
				"Сьогодні я вперше за довгий час щиро засміявся вголос.",
			},
		},
	},
	general: []string{
		"Один день за раз звучить як гасло, але сьогодні це була просто правда.",
		"Я вдячний людям, які й далі беруть слухавку, коли я дзвоню.",
		"Прогрес, а не досконалість.",
		"Завтра хочу встати вчасно і прогулятися перед роботою. Є надія.",
		"Коли я це записую, бачу, що день був кращим, ніж здавалося.",
	},
	emoji: []string{
		"Сьогодні тримаюся 💙💛",
		"Ранкова кава ☕ і тиша.",
	},
	names:  []string{"Оксана", "Андрій", "Ірина", "Тарас", "Марія"},
	halls:  []string{"центрі громади", "церковній залі", "бібліотеці"},
	routes: []string{"річки", "набережної", "парку"},
	spots:  []string{"старий бар", "магазин на розі", "мою колишню квартиру"},
	times:  []string{"четвертої дня", "дев’ятої вечора", "обіду"},
	gratitude: []gratitudeText{
		{"Кава з Оксаною", "я сам запропонував зустрітися"},
		{"Довга прогулянка біля річки", "я вийшов, хоч ішов дощ"},
		{"Вісім годин сну", "телефон залишився на кухні"},
		{"Мама сміялася з мого жарту", "нам стало легше разом"},
		{"Суп, який я зварив сам", ""},
		{"Сонце у вікні на кухні", ""},
		{"Я встояв перед сильною тягою", "я скористався таймером і попросив про допомогу"},
	},
	intentions: []string{"Подзвонити спонсору до обіду", "Гуляти тридцять хвилин", "Лягти спати до одинадцятої"},
	challenges: []string{"Тяга після роботи", "Сварка з братом", "Не міг заснути", "Самотність увечері"},
	wins:       []string{"Пішов на зустріч", "Приготував вечерю", "Подзвонив мамі", "Пережив хвилю тяги"},
	triggers:   []string{"день зарплати", "старий бар", "сварка", "самотність увечері", "стрес на роботі"},
	situations: []string{
		"Сам удома після довгого дня, нічого не заплановано.",
		"Вечір п’ятниці, усі інші йдуть гуляти.",
	},
	copings: []string{
		"Перечекав хвилю з таймером і подзвонив спонсору.",
		"Квадратне дихання, склянка води і прогулянка навколо кварталу.",
	},
}
