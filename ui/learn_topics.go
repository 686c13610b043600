package ui

// learnTopic is one learn card: its id (also its file name under
// assets/learn/<lang>/) and the studies it rests on. Each source's Cite
// ("Surname … Year") is how the card's text names it.
type learnTopic struct {
	ID      string
	Sources []learnSource
}

// learnSource is one study or book behind a card.
type learnSource struct {
	Cite string // short form used in the card text, e.g. "Bowen & Marlatt 2009"
	Ref  string // full reference, APA style
}

// Learn card ids, for learnLink.
const (
	learnHabits      = "habits"
	learnUrges       = "urges"
	learnGratitude   = "gratitude"
	learnBreathing   = "breathing"
	learnMindfulness = "mindfulness"
	learnSleep       = "sleep"
	learnMovement    = "movement"
	learnConnection  = "connection"
)

var marlattGordon1985 = learnSource{"Marlatt & Gordon 1985",
	"Marlatt, G. A., & Gordon, J. R. (Eds.) (1985). Relapse prevention: Maintenance strategies in the treatment of addictive behaviors. New York: Guilford Press."}

// learnTopics lists the cards in the order the Learn screen shows them.
var learnTopics = []learnTopic{
	{learnHabits, []learnSource{
		marlattGordon1985,
		{"Lally et al. 2010", "Lally, P., van Jaarsveld, C. H. M., Potts, H. W. W., & Wardle, J. (2010). How are habits formed: Modelling habit formation in the real world. European Journal of Social Psychology, 40(6), 998–1009."},
		{"Volkow, Koob & McLellan 2016", "Volkow, N. D., Koob, G. F., & McLellan, A. T. (2016). Neurobiologic advances from the brain disease model of addiction. New England Journal of Medicine, 374(4), 363–371."},
	}},
	{learnUrges, []learnSource{
		marlattGordon1985,
		{"Bowen & Marlatt 2009", "Bowen, S., & Marlatt, A. (2009). Surfing the urge: Brief mindfulness-based intervention for college student smokers. Psychology of Addictive Behaviors, 23(4), 666–671."},
		{"Bowen, Chawla & Marlatt 2011", "Bowen, S., Chawla, N., & Marlatt, G. A. (2011). Mindfulness-based relapse prevention for addictive behaviors: A clinician's guide. New York: Guilford Press."},
	}},
	{learnGratitude, []learnSource{
		{"Seligman et al. 2005", "Seligman, M. E. P., Steen, T. A., Park, N., & Peterson, C. (2005). Positive psychology progress: Empirical validation of interventions. American Psychologist, 60(5), 410–421."},
		{"Emmons & McCullough 2003", "Emmons, R. A., & McCullough, M. E. (2003). Counting blessings versus burdens: An experimental investigation of gratitude and subjective well-being in daily life. Journal of Personality and Social Psychology, 84(2), 377–389."},
	}},
	{learnBreathing, []learnSource{
		{"Balban et al. 2023", "Balban, M. Y., Neri, E., Kogon, M. M., Weed, L., Nouriani, B., Jo, B., Holl, G., Zeitzer, J. M., Spiegel, D., & Huberman, A. D. (2023). Brief structured respiration practices enhance mood and reduce physiological arousal. Cell Reports Medicine, 4(1), 100895."},
		{"Zaccaro et al. 2018", "Zaccaro, A., Piarulli, A., Laurino, M., Garbella, E., Menicucci, D., Neri, B., & Gemignani, A. (2018). How breath-control can change your life: A systematic review on psycho-physiological correlates of slow breathing. Frontiers in Human Neuroscience, 12, 353."},
	}},
	{learnMindfulness, []learnSource{
		{"Bowen et al. 2014", "Bowen, S., Witkiewitz, K., Clifasefi, S. L., Grow, J., Chawla, N., Hsu, S. H., Carroll, H. A., Harrop, E., Collins, S. E., Lustyk, M. K., & Larimer, M. E. (2014). Relative efficacy of mindfulness-based relapse prevention, standard relapse prevention, and treatment as usual for substance use disorders: A randomized clinical trial. JAMA Psychiatry, 71(5), 547–556."},
		{"Goyal et al. 2014", "Goyal, M., Singh, S., Sibinga, E. M. S., Gould, N. F., Rowland-Seymour, A., Sharma, R., Berger, Z., Sleicher, D., Maron, D. D., Shihab, H. M., Ranasinghe, P. D., Linn, S., Saha, S., Bass, E. B., & Haythornthwaite, J. A. (2014). Meditation programs for psychological stress and well-being: A systematic review and meta-analysis. JAMA Internal Medicine, 174(3), 357–368."},
	}},
	{learnSleep, []learnSource{
		{"Hirshkowitz et al. 2015", "Hirshkowitz, M., Whiton, K., Albert, S. M., Alessi, C., Bruni, O., DonCarlos, L., … Adams Hillard, P. J. (2015). National Sleep Foundation's sleep time duration recommendations: Methodology and results summary. Sleep Health, 1(1), 40–43."},
		{"Brower & Perron 2010", "Brower, K. J., & Perron, B. E. (2010). Sleep disturbance as a universal risk factor for relapse in addictions to psychoactive substances. Medical Hypotheses, 74(5), 928–933."},
		{"Trauer et al. 2015", "Trauer, J. M., Qian, M. Y., Doyle, J. S., Rajaratnam, S. M. W., & Cunnington, D. (2015). Cognitive behavioral therapy for chronic insomnia: A systematic review and meta-analysis. Annals of Internal Medicine, 163(3), 191–204."},
	}},
	{learnMovement, []learnSource{
		{"Bull et al. 2020", "Bull, F. C., Al-Ansari, S. S., Biddle, S., Borodulin, K., Buman, M. P., Cardon, G., … Willumsen, J. F. (2020). World Health Organization 2020 guidelines on physical activity and sedentary behaviour. British Journal of Sports Medicine, 54(24), 1451–1462."},
		{"Schuch et al. 2016", "Schuch, F. B., Vancampfort, D., Richards, J., Rosenbaum, S., Ward, P. B., & Stubbs, B. (2016). Exercise as a treatment for depression: A meta-analysis adjusting for publication bias. Journal of Psychiatric Research, 77, 42–51."},
		{"Wang et al. 2014", "Wang, D., Wang, Y., Wang, Y., Li, R., & Zhou, C. (2014). Impact of physical exercise on substance use disorders: A meta-analysis. PLoS ONE, 9(10), e110728."},
	}},
	{learnConnection, []learnSource{
		{"Holt-Lunstad, Smith & Layton 2010", "Holt-Lunstad, J., Smith, T. B., & Layton, J. B. (2010). Social relationships and mortality risk: A meta-analytic review. PLoS Medicine, 7(7), e1000316."},
		{"Kelly, Humphreys & Ferri 2020", "Kelly, J. F., Humphreys, K., & Ferri, M. (2020). Alcoholics Anonymous and other 12-step programs for alcohol use disorder. Cochrane Database of Systematic Reviews, 3, CD012880."},
	}},
}

// findLearnTopic returns the topic with id.
func findLearnTopic(id string) (learnTopic, bool) {
	for _, t := range learnTopics {
		if t.ID == id {
			return t, true
		}
	}
	return learnTopic{}, false
}
